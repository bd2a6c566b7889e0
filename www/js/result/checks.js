// Eligibility as a checklist: each of the engine's eight checks with pass / fail / warn, its
// reason, and — where it did not pass — the next step to take (with the filing guide one tap away).
import { h } from "../dom.js";
import { t, paren } from "../i18n.js";
import { plainText } from "./wording.js";
import { statusKey } from "./summary.js";

const ICON = { pass: "✓", fail: "✗", warn: "!" };
const FILING_ACTIONS = new Set(["FILE_ONLINE", "CHANGE_FILING_PLACE", "RENEW_FILING"]);


function nextStep(ctx, check, repeated) {
  const attrs = { class: ["next-step", repeated && "repeated"], dataset: { testid: `action-${check.code}`, action: check.action.code } };
  // The same step for several checks (not filed → no place, no dates) is spelled out once.
  if (repeated) return h("p", attrs, h("strong", null, t("result.nextStep")), " ", t("result.sameStep"));
  return h("p", attrs,
    h("strong", null, t("result.nextStep")), " ", plainText(ctx, check.action.message),
    FILING_ACTIONS.has(check.action.code)
      ? [" ", h("a", { class: "link", href: ctx.hrefTo("guide"), on: { click: (e) => ctx.follow(e, "guide") } }, t("filing.guideLink"))]
      : null);
}

/**
 * Warnings that belong on this page: none about cost lines in the check-only task, and no
 * "not in the catalogue" for quick mode's own class totals (they name a class, not an item).
 */
function shownWarnings(ctx, eligibility) {
  const { state, computed } = ctx;
  return eligibility.warnings.filter((w) => {
    const costs = /^items/.test(w.path) || w.code === "CATALOGUE_DEFAULTED";
    if (state.task === "check" && costs) return false;
    const m = /^items\[(\d+)\]$/.exec(w.path);
    const quickLine = m && String(computed.itemPaths[Number(m[1])] || "").startsWith("quick.");
    return !(w.code === "ITEM_NOT_IN_CATALOGUE" && quickLine);
  });
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
        h("span", { class: "visually-hidden" }, paren(t(`status.${statusKey(check)}`))),
        check.status !== "pass" ? h("span", { class: `pill ${check.status}`, "aria-hidden": "true" }, t(`status.${statusKey(check)}`)) : null),
      h("p", { class: "check-message" }, plainText(ctx, check.message)),
      check.action ? nextStep(ctx, check, repeated) : null,
      check.code === "HOSPITAL_NETWORKED" && check.status !== "pass" ? h("p", { class: "hint" }, t("visit.networkedHow")) : null));
  };

  // Failed and warned checks stay open: they hold the next steps. Passed ones fold into one line.
  const open = eligibility.checks.filter((c) => c.status === "fail").concat(eligibility.checks.filter((c) => c.status === "warn"));
  const passed = eligibility.checks.filter((c) => c.status === "pass");
  const warnings = shownWarnings(ctx, eligibility);
  return h("section", { class: "card checks", "aria-labelledby": "checks-title", dataset: { testid: "checks" } },
    h("h2", { id: "checks-title" }, t("result.checks")),
    open.length ? h("ul", { class: "checklist" }, open.map(item)) : null,
    passed.length
      ? h("details", { class: "passed", dataset: { testid: "checks-passed", keep: "checks-passed" } },
        h("summary", null, h("span", { class: "check-icon", "aria-hidden": "true" }, "✓"),
          t("result.checksPassed", { total: eligibility.checks.length, n: passed.length })),
        h("ul", { class: "checklist" }, passed.map(item)))
      : null,
    warnings.length
      ? h("div", { class: "warnings" }, h("h3", null, t("result.warnings")),
        h("ul", null, warnings.map((w) => h("li", { dataset: { code: w.code } }, plainText(ctx, w.message)))))
      : null);
}
