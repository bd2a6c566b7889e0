// The calculation step by step, as the engine traced it: each value with its rule id and a badge
// for where the number comes from — assumed parameters stand out, so nobody mistakes them for
// published policy.
import { h } from "../dom.js";
import { t, pick, money, has } from "../i18n.js";
import { amountText, percentText, groupAmounts } from "../money.js";
import { sourceLine } from "./sources.js";

const SOURCED = new Set(["published", "reposted"]);

const RATIOS = new Set(["ratio", "baseRatio", "classBShare"]);

function valueText(step) {
  if (step.value === null) return t("trace.none");
  if (RATIOS.has(step.step)) return percentText(step.value);
  if (step.step === "reduction") {
    const points = percentText(step.value).replace("%", "");
    return t("trace.points", { n: points });
  }
  return money(amountText(step.value));
}

export function provenanceBadge(provenance) {
  const key = provenance || "calc";
  return h("span", {
    class: `badge ${key}`, title: key === "assumed" ? t("prov.assumedLong") : null, dataset: { provenance: key },
  }, key === "assumed" ? "⚠ " : "", t(`prov.${key}`));
}

export function renderTrace(result) {
  return h("details", { class: "card trace", dataset: { testid: "trace", keep: "trace" } },
    h("summary", null, h("h2", null, t("result.trace"))),
    h("p", { class: "hint" }, t("result.traceLead")),
    h("ol", { class: "trace-list" }, result.trace.map((step) => h("li", { class: step.provenance === "assumed" ? "assumed" : "", dataset: { step: step.step } },
      h("div", { class: "trace-head" },
        h("span", { class: "trace-name" }, has(`trace.${step.step}`) ? t(`trace.${step.step}`) : step.step),
        h("span", { class: "trace-value" }, valueText(step))),
      // The engine's own words: it knows whether the person was asked (未填写起付线, a place
      // without a pack or a national disease a pack does not price) or the pack assumes it.
      h("p", { class: "trace-note" }, groupAmounts(pick(step.note))),
      h("p", { class: "trace-meta" }, provenanceBadge(step.provenance), " ", h("code", { class: "rule" }, step.rule)),
      SOURCED.has(step.provenance) ? sourceLine(step) : null))));
}
