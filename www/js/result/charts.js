// Two pictures, built as inline SVG with DOM calls: a stacked bar of who pays what, and a gauge
// of the payment limit that binds this visit (used before, this visit, left).
import { h, s } from "../dom.js";
import { t, money } from "../i18n.js";
import { fenText, toFen } from "../money.js";
import { PATIENT_PARTS } from "./summary.js";

const LIMIT_STEPS = { annualLimit: "fundPaid", monthlyLimit: "fundPaidMonth", overallCeiling: "fundPaidTotal" };

export function renderBar(result) {
  const st = result.settlement;
  const total = toFen(st.total) || 0;
  const parts = ["fundPays", ...PATIENT_PARTS].map((key) => ({ key, fen: toFen(st[key]) || 0 })).filter((p) => p.fen > 0);
  let x = 0;
  const rects = parts.map((p) => {
    const width = total ? (p.fen / total) * 1000 : 0;
    const rect = s("rect", { x: x.toFixed(2), y: 0, width: width.toFixed(2), height: 56, class: `seg ${p.key}` });
    x += width;
    return rect;
  });
  const label = t("result.barLabel", { total: money(fenText(total)), fund: money(fenText(toFen(st.fundPays))), patient: money(fenText(toFen(st.patientPays))) });
  const fundShare = total ? Math.round((toFen(st.fundPays) / total) * 100) : 0;
  return h("figure", { class: "bar-figure" },
    h("div", { class: "bar-scale", "aria-hidden": "true" },
      h("span", { class: "fund-text" }, `${t("live.fund")} ${fundShare}%`),
      h("span", { class: "patient-text" }, `${t("live.patient")} ${total ? 100 - fundShare : 0}%`)),
    s("svg", { viewBox: "0 0 1000 56", preserveAspectRatio: "none", class: "bar", role: "img", "aria-label": label, "data-testid": "bar" },
      s("title", null, label), rects),
    h("figcaption", { class: "visually-hidden" }, label));
}

/** The binding limit: the one with the least room before this visit. */
export function bindingLimit(result, request) {
  const ytd = (request && request.ytd) || {};
  const used = (field) => toFen(ytd[field] || (field === "fundPaidTotal" && ytd.fundPaid) || "0") || 0;
  let best = null;
  for (const step of result.trace) {
    if (!(step.step in LIMIT_STEPS) || step.value === null) continue;
    const limit = toFen(step.value);
    const before = Math.min(limit, used(LIMIT_STEPS[step.step]));
    const room = limit - before;
    if (!best || room < best.room) best = { step: step.step, limit, before, room, provenance: step.provenance };
  }
  // The engine's least room counts what the request's own accounts do not show here: a limit
  // shared with inpatient care has this year's inpatient fund payments used already.
  const capRoom = toFen(result.settlement && result.settlement.capRemaining);
  if (best && capRoom !== null && capRoom !== undefined && capRoom < best.room) {
    best.room = capRoom;
    best.before = best.limit - capRoom;
  }
  return best;
}

function arc(start, length, cls) {
  return s("path", {
    d: "M 20 100 A 80 80 0 0 1 180 100", pathLength: 100, class: `arc ${cls}`,
    "stroke-dasharray": `${length.toFixed(2)} 200`, "stroke-dashoffset": (-start).toFixed(2),
  });
}

/**
 * Why no limit is drawn. "No limit applies" only when that is known: a limit the person left as
 * 不知道, or one the policy data only assumes to be none, is said to be so (the fund may pay less).
 */
function noGauge(result) {
  const unknown = result.trace.find((st) => st.step in LIMIT_STEPS && st.value === null && st.provenance === "assumed");
  const key = !unknown ? "result.gaugeNone" : /\/terms\//.test(unknown.rule) ? "result.gaugeUnknown" : "result.gaugeAssumedNone";
  return h("figure", { class: "gauge-figure" }, h("p", { class: "hint", dataset: { testid: "gauge-none" } }, t(key, unknown && { limit: t(`trace.${unknown.step}`) })));
}

export function renderGauge(result, request) {
  const binding = bindingLimit(result, request);
  if (!binding || binding.limit <= 0) return noGauge(result);
  const now = toFen(result.settlement.fundPays) || 0;
  const before = binding.before;
  const left = Math.max(0, binding.limit - before - now);
  const pct = (v) => (v / binding.limit) * 100;
  const usedPct = Math.min(100, Math.round(pct(before + now)));
  const name = t(`trace.${binding.step}`);
  const label = t("result.gaugeLabel", { limit: name, used: money(fenText(before + now)), cap: money(fenText(binding.limit)), pct: `${usedPct}%` });
  return h("figure", { class: "gauge-figure", dataset: { testid: "gauge" } },
    s("svg", { viewBox: "0 0 200 112", class: "gauge", role: "img", "aria-label": label },
      s("title", null, label),
      arc(0, 100, "track"),
      before > 0 ? arc(0, pct(before), "before") : null,
      now > 0 ? arc(pct(before), Math.min(pct(now), 100 - pct(before)), "now") : null,
      s("text", { x: 100, y: 92, "text-anchor": "middle", class: "gauge-pct" }, `${usedPct}%`)),
    h("figcaption", null,
      h("p", { class: "gauge-name" }, `${name} ${money(fenText(binding.limit))}`,
        binding.provenance === "assumed" ? h("span", { class: "badge assumed" }, t("prov.assumed")) : null),
      h("ul", { class: "legend" },
        h("li", null, h("span", { class: "swatch before", "aria-hidden": "true" }), `${t("result.gaugeBefore")} ${money(fenText(before))}`),
        h("li", null, h("span", { class: "swatch now", "aria-hidden": "true" }), `${t("result.gaugeThis")} ${money(fenText(now))}`),
        h("li", null, h("span", { class: "swatch left", "aria-hidden": "true" }), `${t("result.gaugeLeft")} ${money(fenText(left))}`))));
}

export function renderPictures(result, request) {
  return h("section", { class: "card pictures", "aria-labelledby": "pictures-title" },
    h("h2", { id: "pictures-title" }, t("result.picture")),
    renderBar(result),
    h("h3", null, t("result.gauge")),
    renderGauge(result, request));
}
