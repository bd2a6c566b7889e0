// The answer first: can it be settled directly, then two big numbers (医保支付 / 个人支付), then
// the split that visibly adds up to the total, one plain line per part.
import { h } from "../dom.js";
import { t, money, moneyParts } from "../i18n.js";
import { amountText, percentText, toFen } from "../money.js";

/** Which parts of the split rest on an assumed parameter (provenance "assumed" in the trace). */
function assumedParts(result) {
  const assumed = new Set(result.trace.filter((st) => st.provenance === "assumed").map((st) => st.step));
  const parts = new Set();
  if (assumed.has("ratio") || assumed.has("baseRatio") || assumed.has("reduction")) parts.add("fundPays").add("coinsurance").add("ratio");
  if (assumed.has("deductible")) parts.add("deductible");
  if (result.lines.some((l) => l.shareProvenance === "assumed" && toFen(l.preSelfPay) > 0)) parts.add("preSelfPay");
  if (["annualLimit", "monthlyLimit", "overallCeiling"].some((k) => assumed.has(k))) parts.add("aboveCap");
  return parts;
}

function assumedBadge() {
  return h("span", { class: "badge assumed", title: t("prov.assumedLong"), dataset: { provenance: "assumed" } }, t("prov.assumed"));
}

export const PATIENT_PARTS = ["fullSelfPay", "overLimitSelfPay", "preSelfPay", "deductible", "coinsurance", "aboveCap"];

/** The headline: direct, manual (claim at home) or none; the check-only page words it for no costs. */
export function renderVerdict(mode, { checkOnly = false } = {}) {
  return h("div", { class: `verdict ${mode}`, dataset: { testid: "verdict", mode } },
    h("p", { class: "verdict-title" }, h("span", { "aria-hidden": "true" }, mode === "direct" ? "✓ " : "✗ "), t(`result.mode.${mode}`)),
    h("p", null, t(checkOnly ? `check.mode.${mode}.desc` : `result.mode.${mode}.desc`)));
}

function bigAmount(text) {
  const { pre, num, post } = moneyParts(amountText(text));
  return [pre ? h("span", { class: "unit" }, pre) : null, h("span", { class: "digits" }, num), post ? h("span", { class: "unit" }, post) : null];
}

export function renderNumbers(result) {
  const s = result.settlement;
  return h("div", { class: "numbers", dataset: { testid: "numbers" } },
    h("div", { class: "number fund" },
      h("p", { class: "number-label", id: "fund-label" }, t("result.fund")),
      h("p", { class: "number-value", id: "fund-value", dataset: { testid: "fund-pays" } }, bigAmount(s.fundPays))),
    h("div", { class: "number patient" },
      h("p", { class: "number-label", id: "patient-label" }, t("result.patient")),
      h("p", { class: "number-value", id: "patient-value", dataset: { testid: "patient-pays" } }, bigAmount(s.patientPays))),
    h("p", { class: "number-total" }, `${t("result.total")} `, h("strong", { dataset: { testid: "total" } }, money(amountText(s.total))),
      " · ", t("result.ratio", { ratio: percentText(s.ratio) }), assumedParts(result).has("ratio") ? [" ", assumedBadge()] : null));
}

export function renderBreakdown(result) {
  const s = result.settlement;
  const assumed = assumedParts(result);
  // With no fund payment at all (mode "none") the in-scope rest is not a co-payment: say so.
  const label = (key) => (result.mode === "none" && key === "coinsurance" ? "notCovered" : key);
  // A list, not a table: on a phone the one-line explanation gets the full width under its name.
  const row = (key, sign, cls) => h("li", { class: ["sum-row", cls], dataset: { part: key } },
    h("span", { class: "sign", "aria-hidden": "true" }, sign),
    h("span", { class: "part-name" }, h("span", { class: `swatch ${key}`, "aria-hidden": "true" }), t(`part.${label(key)}`),
      assumed.has(key) ? [" ", assumedBadge()] : null),
    h("span", { class: "amount" }, money(amountText(s[key]))),
    h("span", { class: "part-desc" }, t(`part.${label(key)}.desc`)));
  // Zero parts are left out so the sum stays short; the total row shows it still adds up.
  const parts = PATIENT_PARTS.filter((key) => toFen(s[key]) !== 0);
  return h("section", { class: "card breakdown", "aria-labelledby": "breakdown-title" },
    h("h2", { id: "breakdown-title" }, t("result.breakdown")),
    h("p", { class: "hint" }, t("result.breakdownLead")),
    h("ul", { class: "sum", dataset: { testid: "breakdown" } },
      row("fundPays", "", "fund-row"),
      parts.map((key) => row(key, "+", "")),
      h("li", { class: "sum-row total-row" },
        h("span", { class: "sign", "aria-hidden": "true" }, "="),
        h("span", { class: "part-name" }, t("result.total")),
        h("span", { class: "amount", dataset: { testid: "breakdown-total" } }, money(amountText(s.total))))));
}
