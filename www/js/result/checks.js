// Eligibility as a checklist: each of the engine's eight checks with pass / fail / warn, its
// reason, and — where it did not pass — the next step to take (with the filing guide one tap away).
import { h } from "../dom.js";
import { t, pick, paren } from "../i18n.js";

const ICON = { pass: "✓", fail: "✗", warn: "!" };
const FILING_ACTIONS = new Set(["FILE_ONLINE", "CHANGE_FILING_PLACE", "RENEW_FILING"]);

const NONE_IF_FAILED = ["CROSS_PROVINCE", "POLICY_IN_FORCE", "DISEASE_COVERED", "DISEASE_RECOGNIZED"];

/** The mode an estimate would have, from the checks alone (CONTRACT.md: "mode is none when…"). */
export function modeOfChecks(eligibility) {
  if (eligibility.directSettlement) return "direct";
  return eligibility.checks.some((c) => c.status === "fail" && NONE_IF_FAILED.includes(c.code)) ? "none" : "manual";
}

function nextStep(ctx, check, repeated) {
  const attrs = { class: ["next-step", repeated && "repeated"], dataset: { testid: `action-${check.code}`, action: check.action.code } };
  // The same step for several checks (not filed → no place, no dates) is spelled out once.
  if (repeated) return h("p", attrs, h("strong", null, t("result.nextStep")), " ", t("result.sameStep"));
  return h("p", attrs,
    h("strong", null, t("result.nextStep")), " ", pick(check.action.message),
    FILING_ACTIONS.has(check.action.code)
      ? [" ", h("a", { class: "link", href: ctx.hrefTo("guide"), on: { click: (e) => ctx.follow(e, "guide") } }, t("filing.guideLink"))]
      : null);
}

export function renderChecks(ctx, eligibility) {
  const seen = new Set();
  const item = (check) => {
    const repeated = Boolean(check.action) && seen.has(check.action.code);
    if (check.action) seen.add(check.action.code);
    return h("li", { class: `check ${check.status}`, dataset: { code: check.code, status: check.status } },
    h("span", { class: "check-icon", "aria-hidden": "true" }, ICON[check.status]),
    h("div", { class: "check-body" },
      h("p", { class: "check-title" },
        t(`check.${check.code}`),
        h("span", { class: "visually-hidden" }, paren(t(`status.${check.status}`))),
        check.status !== "pass" ? h("span", { class: `pill ${check.status}`, "aria-hidden": "true" }, t(`status.${check.status}`)) : null),
      h("p", { class: "check-message" }, pick(check.message)),
      check.action ? nextStep(ctx, check, repeated) : null));
  };

  // Failed and warned checks first: they hold the next steps.
  const order = { fail: 0, warn: 1, pass: 2 };
  const checks = [...eligibility.checks].sort((a, b) => order[a.status] - order[b.status]);
  return h("section", { class: "card checks", "aria-labelledby": "checks-title", dataset: { testid: "checks" } },
    h("h2", { id: "checks-title" }, t("result.checks")),
    h("ul", { class: "checklist" }, checks.map(item)),
    eligibility.warnings.length
      ? h("div", { class: "warnings" }, h("h3", null, t("result.warnings")),
        h("ul", null, eligibility.warnings.map((w) => h("li", { dataset: { code: w.code } }, pick(w.message)))))
      : null);
}
