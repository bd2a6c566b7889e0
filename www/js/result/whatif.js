// What if: the same visit estimated again (engine.estimate on modified copies of the request)
// unfiled, with a long-term filing and with the two kinds of temporary filing. The person's own
// row is the headline's result itself — never a look-alike variant that could disagree with it.
import { h } from "../dom.js";
import { t, money } from "../i18n.js";
import { fenText, toFen, percentText } from "../money.js";
import { worded } from "./summary.js";
import { provenanceBadge } from "./trace.js";

/** The same visit under other filings, for the what-if panel. */
function whatIfVariants(request) {
  const filed = (category) => ({ category, place: request.visit.place, start: request.visit.date });
  return [
    { key: "unfiled", filing: null },
    { key: "longTerm", filing: filed("long_term_resident") },
    { key: "referral", filing: filed("referral") },
    { key: "temporary", filing: filed("other_temporary") },
  ].map((v) => ({ key: v.key, request: { ...request, filing: v.filing } }));
}

const LONG = new Set(["retired_relocated", "long_term_resident", "stationed_worker"]);

function currentKey(request) {
  const c = request.filing && request.filing.category;
  if (!c) return "unfiled";
  if (LONG.has(c)) return "longTerm";
  return { referral: "referral", other_temporary: "temporary" }[c] || null;
}

/**
 * The cut a card assumes: a reduction the person did not enter (taken at the national ceiling, or
 * 20 points unfiled) or the pack's own assumption — marked, so no card passes it off as known.
 */
function assumedCut(result) {
  const step = result.trace.find((st) => st.step === "reduction");
  if (!step || step.provenance !== "assumed" || !toFen(step.value)) return null;
  const unknown = result.eligibility.warnings.some((w) => w.code === "TERMS_REDUCTION_ASSUMED");
  return h("p", { class: "scenario-cut", dataset: { testid: "whatif-cut" } },
    t(unknown ? "result.whatIf.cutUnknown" : "result.whatIf.cut", { n: percentText(step.value).replace("%", "") }), " ", provenanceBadge("assumed"));
}

export function renderWhatIf(ctx, result) {
  const request = ctx.computed.request;
  const base = toFen(result.settlement.fundPays);
  const current = currentKey(request);
  const own = { key: current || "own", r: { ok: true, value: result }, own: true };
  const others = whatIfVariants(request).filter((v) => v.key !== current).map((v) => ({ ...v, r: ctx.api.estimate(v.request) })).filter((v) => v.r.ok);
  const rows = [own, ...others];
  const diff = (fen) => {
    if (fen === base) return t("result.whatIf.same");
    return t(fen > base ? "result.whatIf.more" : "result.whatIf.less", { amount: money(fenText(Math.abs(fen - base))) });
  };
  return h("section", { class: "card whatif", "aria-labelledby": "whatif-title", dataset: { testid: "whatif" } },
    h("h2", { id: "whatif-title" }, t("result.whatIf")),
    h("p", { class: "hint" }, t("result.whatIfLead")),
    h("ul", { class: "scenarios" }, rows.map((v) => {
      const r = v.r.value;
      const isCurrent = Boolean(v.own);
      return h("li", { class: ["scenario", isCurrent && "current"], dataset: { scenario: v.key, mode: v.r.value.mode } },
        h("p", { class: "scenario-name" }, v.key === "own" ? t("result.whatIf.yours") : t(`result.whatIf.${v.key}`),
          isCurrent ? h("span", { class: "pill current" }, t("result.whatIf.current")) : null),
        h("p", { class: "scenario-mode" }, t(`result.mode.${r.mode}`)),
        h("p", { class: "scenario-numbers" },
          `${t("live.fund")} `, h("strong", { class: "fund", dataset: { testid: `whatif-${v.key}-fund` } }, worded(r)),
          ` · ${t("live.patient")} `, h("strong", { class: "patient" }, worded(r, true))),
        assumedCut(r),
        isCurrent ? null : h("p", { class: "scenario-diff" }, diff(toFen(r.settlement.fundPays))));
    })));
}
