// The facts about the person that only some packs need (issue 22): the birth date (age bands),
// the tier (深圳 一档/二档/三档), the date the disease was recognised (quotas by months since then)
// and this year's inpatient fund payments (a limit shared with inpatient care). Each is asked only
// when the version in force for the person's region on the visit date lists it (the listing's
// `facts`), on the step it belongs to; a place that needs none asks none. In the steps' chunk.
import { h } from "../dom.js";
import { t, getLang, pick } from "../i18n.js";
import { inputField, moneyField, radioGroup } from "./fields.js";
import { versionOf, factsNeeded } from "../request.js";

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

/**
 * On 病种, recognised: the person's other recognised diseases, where the limit grows with them
 * (the version's `recognizedDiseases`). Ticks of the version's other diseases — those of the
 * visit's limit pool where the listing names one — or "none" or "not sure"; not answered and
 * "not sure" leave the others unknown (request.js).
 */
export function otherRecognisedFact(ctx) {
  const { state, api } = ctx;
  if (state.recognized !== "yes" || !state.disease || !factsNeeded(api, state.region, state.visitDate).has("recognizedDiseases")) return null;
  const listed = api.diseases(state.region, state.visitDate);
  const own = listed.find((d) => d.id === state.disease);
  const pool = own && own.pool && own.pool.zh;
  const others = listed.filter((d) => d.id !== state.disease && (!pool || (d.pool && d.pool.zh === pool)));
  if (!others.length) return null;
  const answer = state.recognizedOthers || "";
  const ticked = new Set(answer.split("*").filter(Boolean));
  const name = "f-insured-recognizedDiseases";
  const box = (value, label, choose) => {
    const id = `${name}-${value}`;
    return h("label", { class: "radio", for: id },
      h("input", { type: "checkbox", id, name, value, checked: ticked.has(value), on: { change: (e) => ctx.set({ recognizedOthers: choose(e.target.checked) }, { rerender: true }) } }),
      h("span", { class: "radio-text" }, h("span", { class: "radio-label" }, label)));
  };
  const ids = [...ticked].filter((id) => id !== "none" && id !== "unsure");
  const fieldset = h("fieldset", { class: "field radios", dataset: { path: "insured.recognizedOthers", testid: "fact-recognizedDiseases" } },
    h("legend", null, t("facts.otherRecognized")),
    h("p", { class: "hint", id: `${name}-hint` }, t("facts.otherRecognized.hint")),
    h("div", { class: "radio-list" },
      others.map((d) => box(d.id, pick(d.name), (on) => (on ? ids.concat(d.id) : ids.filter((id) => id !== d.id)).join("*"))),
      box("none", t("facts.otherRecognized.none"), (on) => (on ? "none" : "")),
      box("unsure", t("recognized.unknown"), (on) => (on ? "unsure" : ""))));
  fieldset.setAttribute("aria-describedby", `${name}-hint`);
  return fieldset;
}
