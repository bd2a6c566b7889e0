// Step 3, 病种: the insured region's list on the visit date, searchable in Chinese, English and
// pinyin initials; the diseases other regions list, to show what happens when one is not
// listed; and whether the insured place has recognised (认定) it.
import { h } from "../dom.js";
import { t, pick } from "../i18n.js";
import { matchesDisease } from "../search.js";
import { radioGroup, idFor } from "./fields.js";
import { loadDivisions, loadedDivisions, divisionNamed, packRegionOf } from "../divisions.js";
import { pendingPart } from "../result/skeleton.js";
import { recognitionFact, otherRecognisedFact } from "./facts.js";

/** The insured place's name: its pack's, else the division list's (loaded on demand), else its code. */
export function regionName(ctx, code) {
  const pack = ctx.api.regions().find((r) => r.code === code);
  if (pack) return pick(pack.name);
  if (!loadedDivisions()) loadDivisions().then(() => ctx.redraw(), () => {});
  const division = divisionNamed(code);
  return division ? pick(division.name) : code;
}

/**
 * Every other name each disease goes by on the date — in the other regions' lists and the
 * national list (the one a place without a pack gets) — by id, for the search.
 */
function aliasesOf(api, date) {
  const regions = api.regions();
  const national = api.places().find((p) => !packRegionOf(regions, p.code));
  const lists = regions.map((r) => api.diseases(r.code, date)).concat(national ? [api.diseases(national.code, date)] : []);
  const aliases = new Map();
  for (const d of [].concat(...lists)) {
    const known = aliases.get(d.id) || [];
    if (!known.some((n) => n.zh === d.name.zh && n.en === d.name.en)) aliases.set(d.id, known.concat([d.name]));
  }
  return aliases;
}

/** A row of the list; in a pack's list, a national disease it does not price says so (the national floor). */
function diseaseOption(d, floor) {
  return { value: d.id, label: pick(d.name), desc: floor && d.provenance === "national" ? t("disease.floor") : d.pool ? t("disease.pool", { pool: pick(d.pool) }) : null };
}

export function renderDisease(ctx) {
  const { state, api } = ctx;
  const recognized = () => radioGroup({
    path: "insured.recognizedDiseases", legend: t("disease.recognized"), hint: t("disease.recognizedHint"),
    value: state.recognized, compact: true, testid: "recognized",
    options: ["yes", "no", "unknown"].map((v) => ({ value: v, label: t(`recognized.${v}`) })),
    onChange: (v) => ctx.set({ recognized: v }, { rerender: true }),
  });
  if (api.pending && state.region) {
    // The list comes from the packs: marked as loading; the rest of the step can be answered.
    return h("div", { class: "step-fields" },
      h("p", { class: "intro" }, t("disease.intro", { region: regionName(ctx, state.region), date: state.visitDate })),
      h("fieldset", { class: "field", dataset: { path: "visit.disease" } }, h("legend", null, t("disease.list")), pendingPart(ctx, "disease-pending"),
        h("p", { class: "field-error", id: idFor("visit.disease", "err"), hidden: true })),
      recognized());
  }
  const listed = api.diseases(state.region, state.visitDate);
  if (!listed.length) {
    return h("div", { class: "step-fields" },
      h("p", { class: "callout warn" }, t("disease.needRegion")),
      h("button", { type: "button", class: "secondary", on: { click: () => ctx.go("insured") } }, t("disease.goInsured")));
  }
  const baseline = !packRegionOf(api.regions(), state.region);
  const others = api.allDiseases(state.visitDate).filter((d) => !listed.some((l) => l.id === d.id));
  // Another disease: the other recognised ones are asked again (the list is the others of it).
  const choose = (v) => ctx.set({ disease: v, recognizedOthers: "" }, { rerender: true });

  const searchId = idFor("disease.search");
  const count = h("p", { class: "count", id: `${searchId}-count`, "aria-live": "polite" });
  const list = radioGroup({ path: "visit.disease", legend: t("disease.list"), value: state.disease, options: listed.map((d) => diseaseOption(d, !baseline)), onChange: choose, testid: "disease-list" });
  const empty = h("p", { class: "hint", hidden: true }, t("disease.none"));

  const aliases = aliasesOf(api, state.visitDate);
  const filter = (query) => {
    ctx.ui.diseaseQuery = query;
    let shown = 0;
    list.querySelectorAll(".radio").forEach((row, i) => {
      const match = matchesDisease({ ...listed[i], aliases: aliases.get(listed[i].id) }, query);
      row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = query.trim() ? t("disease.found", { n: shown }) : t("disease.count", { n: listed.length });
    empty.hidden = shown > 0;
  };
  const search = h("input", {
    id: searchId, type: "search", value: ctx.ui.diseaseQuery || "", autocomplete: "off", enterKeyHint: "search",
    dataset: { testid: "disease-search" }, on: { input: (e) => filter(e.target.value) },
  });
  search.setAttribute("aria-describedby", `${searchId}-hint ${searchId}-count`);
  filter(search.value);

  const notListed = h("details", { class: "more", open: others.some((d) => d.id === state.disease), dataset: { keep: "not-listed" } },
    h("summary", null, t("disease.notListed")),
    radioGroup({
      path: "visit.diseaseOther", legend: t(baseline ? "disease.notListedBaseline" : "disease.notListedHint"), value: state.disease, options: others.map((d) => diseaseOption(d)),
      onChange: choose, name: idFor("visit.disease", "other"), testid: "disease-other",
    }));

  return h("div", { class: "step-fields" },
    h("p", { class: "intro" }, t(baseline ? "disease.introBaseline" : "disease.intro", { region: regionName(ctx, state.region), date: state.visitDate })),
    h("div", { class: "field search" },
      h("label", { for: searchId }, t("disease.search")),
      h("p", { class: "hint", id: `${searchId}-hint` }, t("disease.searchHint")),
      search, count),
    list, empty, notListed, recognized(), recognitionFact(ctx), otherRecognisedFact(ctx));
}
