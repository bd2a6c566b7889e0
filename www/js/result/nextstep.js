// The one next step under the numbers, on the first screen: what to do now, and — when a filing
// (or a corrected one) would settle the visit directly — what that is worth.
import { h } from "../dom.js";
import { t, money } from "../i18n.js";
import { fenText, toFen } from "../money.js";
import { filedVariant } from "../request.js";
import { plainText } from "./wording.js";
import { worded, statusKey } from "./summary.js";

const FILING = new Set(["FILING_PRESENT", "FILING_PLACE", "FILING_DATES"]);
const ORDER = { fail: 0, warn: 1, pass: 2 };

/** Warnings whose answer decides whether the counter settles at all, so confirming them is what
 *  to do before going: a "probably" (the verdict asks the person to confirm the disease's list or
 *  the policy's opening), then a hospital not known to be networked. */
const LEADING = (c) => (statusKey(c) === "probably" ? 0 : c.code === "HOSPITAL_NETWORKED" ? 1 : 2);

/** The check whose step comes first: failures before warnings, in the engine's order, the leading warnings first. */
export function firstOpenCheck(eligibility) {
  const open = eligibility.checks.filter((c) => c.status !== "pass" && c.action);
  const rank = (c) => ORDER[c.status] * 3 + (c.status === "warn" ? LEADING(c) : 0);
  open.sort((a, b) => rank(a) - rank(b));
  return open[0] || null;
}

function worth(ctx, result, check) {
  if (!check || !FILING.has(check.code) || check.status !== "fail" || !ctx.computed.request || !result.settlement) return null;
  const r = ctx.api.estimate(filedVariant(ctx.computed.request));
  if (!r.ok || r.value.mode !== "direct" || !r.value.settlement) return null;
  const more = toFen(r.value.settlement.fundPays) - toFen(result.settlement.fundPays);
  return h("p", { class: "worth", dataset: { testid: "first-step-worth" } },
    t(check.code === "FILING_PRESENT" ? "next.fileWorth" : "next.fixWorth", { fund: worded(r.value), patient: worded(r.value, true) }),
    more > 0 ? ` ${t("next.more", { amount: money(fenText(more)) })}` : "");
}

export function renderFirstStep(ctx, result, eligibility) {
  const check = firstOpenCheck(eligibility);
  const mode = result ? result.mode : null;
  let text;
  if (check && check.code === "FILING_PRESENT" && check.status === "fail") text = t("next.fileFirst");
  else if (check && (check.status === "fail" || mode !== "direct" || statusKey(check) === "probably")) text = plainText(ctx, check.action.message);
  else if (check && check.code === "HOSPITAL_NETWORKED") text = t("visit.networkedHow");
  else text = t(result ? "next.counter" : "next.counterCheck");
  const guide = check && FILING.has(check.code) && check.status === "fail"
    ? [" ", h("a", { class: "link", href: ctx.hrefTo("guide"), on: { click: (e) => ctx.follow(e, "guide") } }, t("filing.guideLink"))]
    : null;
  return h("section", { class: "first-step", dataset: { testid: "first-step" } },
    h("p", null, h("strong", null, t("result.nextStep")), " ", text, guide),
    result ? worth(ctx, result, check) : null);
}
