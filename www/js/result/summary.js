// The answer first: can it be settled directly, then the amounts in the order they are paid —
// what the person pays at the counter first — then the split that visibly adds up to the
// total, one plain line per part.
import { h } from "../dom.js";
import { t, money, moneyParts } from "../i18n.js";
import { amountText, percentText, toFen } from "../money.js";

/**
 * Which parts of the split rest on an assumed parameter. The ratio's badge is the trace's
 * "ratio" step's provenance, as in the calculation steps: an assumed zero reduction leaves a
 * seeded ratio seeded (the engine decides; the page only repeats it).
 */
function assumedParts(result) {
  const assumed = new Set(result.trace.filter((st) => st.provenance === "assumed").map((st) => st.step));
  const parts = new Set();
  if (assumed.has("ratio")) parts.add("fundPays").add("coinsurance").add("ratio");
  if (assumed.has("deductible")) parts.add("deductible");
  if (result.lines.some((l) => l.shareProvenance === "assumed" && toFen(l.preSelfPay) > 0)) parts.add("preSelfPay");
  if (["annualLimit", "monthlyLimit", "overallCeiling"].some((k) => assumed.has(k))) parts.add("aboveCap");
  return parts;
}

/** Parts that rest on a number the person entered (their own terms). */
function userParts(result) {
  const user = new Set(result.trace.filter((st) => st.provenance === "user").map((st) => st.step));
  const parts = new Set();
  if (user.has("ratio") || user.has("baseRatio")) parts.add("fundPays").add("coinsurance");
  if (user.has("deductible")) parts.add("deductible");
  if (user.has("annualLimit")) parts.add("aboveCap");
  return parts;
}

/** A badge for a number the person entered themselves (trace provenance "user"). */
export function userBadge() {
  return h("span", { class: "badge user", dataset: { provenance: "user" } }, t("prov.user"));
}

function assumedBadge() {
  return h("span", { class: "badge assumed", title: t("prov.assumedLong"), dataset: { provenance: "assumed" } }, t("prov.assumed"));
}

/** The ratio's provenance badge, as the trace's "ratio" step has it. */
function ratioBadge(result) {
  const step = result.trace.find((st) => st.step === "ratio");
  const key = (step && step.provenance) || "calc";
  return h("span", { class: `badge ${key}`, title: key === "assumed" ? t("prov.assumedLong") : null, dataset: { provenance: key } }, t(`prov.${key}`));
}

/** A warned opening or disease check (the national baseline or floor) reads "probably; confirm"
 *  — in the checklist, the verdict, the next step and the live bar (so it lives with the verdict,
 *  in the chunk they all share). */
const PROBABLY = new Set(["POLICY_IN_FORCE", "DISEASE_COVERED"]);
export function statusKey(check) {
  return check.status === "warn" && PROBABLY.has(check.code) ? "probably" : check.status;
}

/** Why nothing is payable, when a "none" result has a reason worth its own words. */
const NONE_REASONS = ["CROSS_PROVINCE", "POLICY_IN_FORCE", "DISEASE_COVERED", "DISEASE_RECOGNIZED"];
export function noneReason(eligibility) {
  const failed = eligibility.checks.find((c) => c.status === "fail" && NONE_REASONS.includes(c.code));
  return failed ? failed.code : null;
}

// In the order the person pays them (BRIEF §8.1): the share paid first and what is above a limit on
// in-scope cost are 0 unless the pack has those shapes.
export const PATIENT_PARTS = ["fullSelfPay", "overLimitSelfPay", "preSelfPay", "temporarySelfPay", "aboveCostLimit", "deductible", "coinsurance", "aboveCap"];

/**
 * The headline: direct, manual (claim at home) or none; the check-only page words it for no
 * costs. "none" says why and what to ask — a same-province visit or an unlisted disease is not
 * simply "the fund pays nothing".
 */
export function renderVerdict(mode, { checkOnly = false, reason = null, probably = false, params = {} } = {}) {
  const key = mode === "none" && reason ? `verdict.none.${reason}` : probably ? "verdict.probably" : `result.mode.${mode}`;
  const desc = mode === "none" && reason ? `verdict.none.${reason}.desc` : checkOnly ? `check.mode.${mode}.desc` : `result.mode.${mode}.desc`;
  return h("div", { class: `verdict ${mode}`, dataset: { testid: "verdict", mode } },
    h("p", { class: "verdict-title" }, h("span", { "aria-hidden": "true" }, mode === "direct" ? "✓ " : mode === "manual" ? "! " : "✗ "), t(key, params)),
    h("p", null, t(desc, params)),
    probably ? h("p", { dataset: { testid: "verdict-probably" } }, t("verdict.probably.desc")) : null);
}

/**
 * How far an amount is known, in a word (docs/contract.md `settlement.bound`): the fund's amount by the
 * bound ("最多" when an unknown deductible or limit was taken as none), the person's share — the
 * total less the fund's — by the opposite one; "" when exact. A claim at home is "约" even when
 * exact: the insured place settles it.
 */
export function boundWord(result, patient) {
  const bound = result.mode === "manual" && result.settlement.bound === "exact" ? "about" : result.settlement.bound;
  const word = patient ? { atMost: "atLeast", atLeast: "atMost" }[bound] || bound : bound;
  return word && word !== "exact" && result.mode !== "none" ? t(`bound.${word}`) : "";
}

/** An amount with its word ("最多 1,029.00 元"), as every line that says the fund's or person's share writes it. */
export function worded(result, patient) {
  const word = boundWord(result, patient);
  return `${word && `${word} `}${money(amountText(result.settlement[patient ? "patientPays" : "fundPays"]))}`;
}

function bigAmount(text, word) {
  const { pre, num, post } = moneyParts(amountText(text));
  // In English the word goes on its own line above the digits: beside them it would push a
  // phone's card wider (css/result.css).
  return [word ? h("span", { class: "unit bound" }, `${word} `) : null, pre ? h("span", { class: "unit" }, pre) : null,
    h("span", { class: "digits" }, num), post ? h("span", { class: "unit" }, post) : null];
}

function number(cls, label, testid, amount, word) {
  return h("div", { class: `number ${cls}` },
    h("p", { class: "number-label", id: `${testid}-label` }, label),
    h("p", { class: "number-value", id: `${testid}-value`, dataset: { testid } }, bigAmount(amount, word)));
}

/**
 * The amounts in the order they are paid. Direct: at the counter the person pays their part and
 * the fund the rest. Manual: the whole bill at the counter, about the fund's share claimed back,
 * about the rest paid in the end. None: what the cross-province rules give.
 */
export function renderNumbers(result) {
  const s = result.settlement;
  const fund = boundWord(result);
  const patient = boundWord(result, true);
  const rows = {
    direct: [number("patient counter", t("result.direct.counter"), "patient-pays", s.patientPays, patient),
      number("fund", t("result.direct.fund"), "fund-pays", s.fundPays, fund)],
    manual: [number("counter", t("result.manual.counter"), "counter-pays", s.total),
      number("fund", t("result.manual.claim"), "fund-pays", s.fundPays, fund),
      number("patient", t("result.manual.end"), "patient-pays", s.patientPays, patient)],
    none: [number("patient counter", t("result.none.patient"), "patient-pays", s.patientPays),
      number("fund", t("result.none.fund"), "fund-pays", s.fundPays)],
  }[result.mode];
  return h("div", { class: `numbers ${result.mode}`, dataset: { testid: "numbers" } },
    rows,
    h("p", { class: "number-total" }, `${t("result.total")} `, h("strong", { dataset: { testid: "total" } }, money(amountText(s.total))),
      result.mode === "none" ? null : [" · ", t("result.ratio", { ratio: percentText(s.ratio) }), " ", ratioBadge(result)]));
}

export function renderBreakdown(result) {
  const s = result.settlement;
  const assumed = assumedParts(result);
  const user = userParts(result);
  // With no fund payment at all (mode "none") the in-scope rest is not a co-payment: say so.
  const label = (key) => (result.mode === "none" && key === "coinsurance" ? "notCovered" : key);
  // A list, not a table: on a phone the one-line explanation gets the full width under its name.
  const row = (key, sign, cls) => h("li", { class: ["sum-row", cls], dataset: { part: key } },
    h("span", { class: "sign", "aria-hidden": "true" }, sign),
    h("span", { class: "part-name" }, h("span", { class: `swatch ${key}`, "aria-hidden": "true" }), t(`part.${label(key)}`),
      assumed.has(key) ? [" ", assumedBadge()] : user.has(key) ? [" ", userBadge()] : null),
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
