// A result for an insured place without a pack: the numbers the person entered, marked as
// theirs; or — when they entered none yet — which numbers the amounts need and where to find
// them, in place of amounts (the verdict and the checks are complete without them). Neither is
// part of a result's first screen: both come with the later chunk (later.js), so the code is not
// on the estimate's path.
import { h } from "../dom.js";
import { t, money } from "../i18n.js";
import { amountText, percentText } from "../money.js";
import { TERM_FIELDS } from "../terms.js";
import { userBadge } from "./summary.js";

/** Which numbers matter for this visit: the ratio always; a reduction only for its filing. */
function neededFields(state) {
  return TERM_FIELDS.filter((f) => {
    if (f.term === "reduction") return state.filed === "1" && ["referral", "other_temporary", "emergency"].includes(state.category);
    if (f.term === "unfiledReduction") return state.filed !== "1";
    return true;
  });
}

export function renderTermsNeeded(ctx) {
  return h("section", { class: "card terms-needed", "aria-labelledby": "terms-needed-title", dataset: { testid: "terms-needed" } },
    h("h2", { id: "terms-needed-title" }, t("terms.neededTitle")),
    h("p", null, t("terms.neededLead")),
    h("ul", null, neededFields(ctx.state).map((f) => h("li", { dataset: { term: f.term } }, t(`terms.${f.term}`)))),
    h("p", { class: "hint" }, t("terms.where")),
    h("ul", { class: "hint" }, ["notice", "app", "hotline"].map((k) => h("li", null, t(`terms.where.${k}`)))),
    h("div", { class: "button-row" }, h("button", {
      type: "button", class: "primary", dataset: { testid: "terms-enter" },
      on: { click: () => ctx.go("costs", { task: "estimate" }) },
    }, t("terms.enter"))));
}

function shown(field, value) {
  if (field.term === "annualLimit" && value === null) return t("terms.annualLimit.none");
  return field.kind === "ratio" ? percentText(value) : money(amountText(value));
}

/** The person's own numbers as the estimate used them (its trace has them: provenance `user`), each marked as theirs. */
export function renderYourTerms(ctx, result, request) {
  const terms = request && request.insured.terms;
  if (!terms || !result.trace.some((st) => st.provenance === "user")) return null;
  const rows = TERM_FIELDS.filter((f) => f.term in terms);
  return h("section", { class: "card your-terms", "aria-labelledby": "your-terms-title", dataset: { testid: "your-terms" } },
    h("h2", { id: "your-terms-title" }, t("terms.yoursTitle")),
    h("ul", { class: "plain" }, rows.map((f) => h("li", { dataset: { term: f.term } },
      `${t(`terms.${f.term}`)}${t("colon")}`, h("strong", null, shown(f, terms[f.term])), " ", userBadge()))),
    h("p", { class: "hint" }, t("terms.yoursHint")),
    h("a", { class: "link", href: ctx.hrefTo("costs"), on: { click: (e) => ctx.follow(e, "costs") } }, t("terms.change")));
}
