// The facts about the person that only some packs need (issue 22): the birth date (age bands),
// the tier (深圳 一档/二档/三档), the date the disease was recognised (quotas by months since then)
// and this year's inpatient fund payments (a limit shared with inpatient care). Each is asked only
// when the version in force for the person's region on the visit date lists it (the listing's
// `facts`), on the step it belongs to; a place that needs none asks none. In the steps' chunk.
import { h } from "../dom.js";
import { t, getLang } from "../i18n.js";
import { inputField, moneyField, radioGroup } from "./fields.js";
import { packRegionOf } from "../divisions.js";

/** The version in force on `date` for the region's pack (the first version before it opens). */
function versionOf(api, region, date) {
  const pack = packRegionOf(api.regions(), region);
  const versions = pack ? pack.versions || [] : [];
  const inForce = versions.filter((v) => v.from <= (date || "9999"));
  return inForce[inForce.length - 1] || versions[0];
}

/** The facts the version in force on `date` splits on. */
export function factsNeeded(api, region, date) {
  if (api.pending) return new Set();
  const version = versionOf(api, region, date);
  return new Set((version && version.facts) || []);
}

const TIER_WORDS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
const tierNumber = (id) => (getLang() === "zh" && /^[1-9]$/.test(id) ? `${TIER_WORDS[id - 1]}档` : t("facts.tierN", { n: id }));

/** On 参保信息: the birth date and the tier, where the pack needs them. */
export function insuredFacts(ctx) {
  const { state, api } = ctx;
  const needed = factsNeeded(api, state.region, state.visitDate);
  const fields = [];
  if (needed.has("birthDate")) {
    fields.push(inputField({
      path: "insured.birthDate", label: t("facts.birthDate"), hint: t("facts.birthDate.hint"), type: "date",
      value: state.birthDate, testid: "fact-birthDate", autocomplete: "bday",
      onInput: (v) => ctx.set({ birthDate: v }),
    }));
  }
  if (needed.has("tier")) {
    const tiers = tiersOf(ctx);
    fields.push(radioGroup({
      path: "insured.tier", legend: t("facts.tier"), hint: t("facts.tier.hint"), value: state.tier, compact: true, testid: "fact-tier",
      options: tiers.map(({ id, label }) => ({ value: id, label })).concat([{ value: "", label: t("facts.unknown") }]),
      onChange: (v) => ctx.set({ tier: v }),
    }));
  }
  return fields;
}

/** The tiers the version in force defines, with the listing's names (the usual 1–3 if it names none). */
function tiersOf(ctx) {
  const version = versionOf(ctx.api, ctx.state.region, ctx.state.visitDate);
  const named = version && version.tiers;
  if (!Array.isArray(named) || !named.length) return ["1", "2", "3"].map((id) => ({ id, label: tierNumber(id) }));
  return named.map(({ id, name }) => ({ id, label: (name && name[getLang()]) || tierNumber(id) }));
}

/** On 病种: when the disease was recognised, where a quota counts months from it. */
export function recognitionFact(ctx) {
  const { state, api } = ctx;
  if (!factsNeeded(api, state.region, state.visitDate).has("recognizedSince") || state.recognized === "no") return null;
  return inputField({
    path: `insured.recognizedSince.${state.disease || "disease"}`, label: t("facts.recognizedSince"), hint: t("facts.recognizedSince.hint"),
    type: "date", value: state.recognizedSince, testid: "fact-recognizedSince",
    onInput: (v) => ctx.set({ recognizedSince: v }),
  });
}

/** On 费用, with what this year already used: the inpatient fund payments, for a shared limit. */
export function inpatientFact(ctx) {
  const { state, api } = ctx;
  if (!factsNeeded(api, state.region, state.visitDate).has("inpatientFundPaid")) return null;
  return moneyField({
    path: "ytd.inpatientFundPaid", label: t("facts.inpatient"), hint: t("facts.inpatient.hint"),
    value: state.ytdInpatient, testid: "fact-inpatient", onInput: (v) => ctx.set({ ytdInpatient: v }),
  });
}
