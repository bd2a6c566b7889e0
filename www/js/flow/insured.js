// Step 1, 参保信息: the insured place (province → prefecture or pool, every division; a
// municipality or 兵团 directly), the scheme and, for employees, working or retired. Places
// without a policy pack are answered under the national baseline: what it knows is said here.
import { h } from "../dom.js";
import { t, pick, getLang } from "../i18n.js";
import { selectField, radioGroup } from "./fields.js";
import { loadDivisions, loadedDivisions, packRegionOf, shownDivision } from "../divisions.js";
import { withoutTerms } from "../term-input.js";
import { pendingPart } from "../result/skeleton.js";
import { insuredFacts } from "./facts.js";

const nameOf = (d) => ({ zh: d.zh, en: d.en });

/** Provinces with their regions: every division once loaded, the packs' regions until then. */
function provincesOf(api) {
  const loaded = loadedDivisions();
  if (loaded) {
    return loaded.map((p) => ({ code: p.code, name: nameOf(p), regions: p.regions.map((r) => ({ code: r.code, name: nameOf(r) })) }));
  }
  const places = api.places();
  const regions = api.regions();
  return [...new Set(regions.map((r) => r.province))].map((code) => ({
    code,
    name: (places.find((p) => p.code === code) || { name: code }).name,
    regions: regions.filter((r) => r.province === code && r.code !== code),
  }));
}

/** What is known for a place without a pack, and what the person will be asked for. */
export function baselineNote(ctx, name) {
  return h("div", { class: "callout baseline", dataset: { testid: "baseline-note" } },
    h("p", { class: "callout-title" }, t("baseline.title", { region: name })),
    h("ul", null,
      h("li", null, t("baseline.diseases")),
      h("li", null, t("baseline.checks")),
      h("li", null, t("baseline.numbers", { region: name }))));
}

export function renderInsured(ctx) {
  const { state, api } = ctx;
  const regions = api.regions();
  if (!loadedDivisions()) {
    // The full list comes as a static file; the packs' regions serve until it is here.
    loadDivisions().then(() => { if (ctx.state.page === "insured") ctx.redraw(); }, () => {});
  }
  const provinces = provincesOf(api);
  const province = state.region ? `${state.region.slice(0, 2)}0000` : state.regionProvince;
  const info = provinces.find((p) => p.code === province);
  const inProvince = info ? info.regions : [];
  // A county's code (和田县 653221) is answered as its prefecture: the picker shows that.
  const shownRegion = shownDivision(state.region, inProvince) || state.region;
  const direct = info && inProvince.length === 0; // a municipality or 兵团: the province is the region
  const pack = packRegionOf(regions, state.region);
  const tagged = (r) => `${pick(r.name)}${packRegionOf(regions, r.code) ? ` · ${t("insured.hasData")}` : ""}`;

  const choose = (code, patch = {}) => {
    // Another place with a pack uses its own policy: numbers entered for the place before would be
    // ignored (the same place chosen again keeps them: they may be for a national disease it does not price).
    const terms = code !== state.region && packRegionOf(regions, code) ? withoutTerms() : {};
    // A tier is the region's own: another region's would be refused.
    ctx.set({ ...patch, ...terms, tier: code === state.region ? state.tier : "", region: code }, { rerender: true });
  };
  const onProvince = (code) => {
    const p = provinces.find((x) => x.code === code);
    if (p && p.regions.length === 0) choose(code, { regionProvince: code });
    else ctx.set({ regionProvince: code, region: "" }, { rerender: true });
  };

  const chosenName = state.region ? pick((inProvince.find((r) => r.code === shownRegion) || info || { name: state.region }).name) : "";
  return h("div", { class: "step-fields" },
    h("p", { class: "intro" }, t("insured.intro")),
    selectField({
      path: "insured.province", label: t("insured.province"), value: province, placeholder: t("choose"), testid: "insured-province",
      options: provinces.map((p) => ({ value: p.code, label: pick(p.name) })), onChange: onProvince,
      // Which places have policy data comes from the packs: named once the engine is here.
      hint: t("insured.available", { list: api.pending ? t("app.loadingPart") : regions.map((r) => pick(r.name)).join(getLang() === "zh" ? "、" : ", ") }),
    }),
    direct
      ? h("p", { class: "hint", dataset: { testid: "insured-direct" } }, t("insured.direct", { region: pick(info.name) }))
      : selectField({
        path: "insured.region", label: t("insured.region"), value: shownRegion, placeholder: t("choose"), testid: "insured-region",
        options: inProvince.map((r) => ({ value: r.code, label: tagged(r) })),
        onChange: (code) => (code ? choose(code) : ctx.set({ region: "" }, { rerender: true })),
      }),
    state.region && api.pending ? pendingPart(ctx, "insured-pending") : null,
    state.region && !pack && !api.pending ? baselineNote(ctx, chosenName) : null,
    radioGroup({
      path: "insured.scheme", legend: t("insured.scheme"), value: state.scheme, testid: "scheme",
      options: ["employee", "resident"].map((v) => ({ value: v, label: t(`scheme.${v}`), desc: t(`scheme.${v}Desc`) })),
      onChange: (v) => ctx.set({ scheme: v }, { rerender: true }),
    }),
    state.scheme === "employee"
      ? radioGroup({
        path: "insured.status", legend: t("insured.status"), value: state.status, compact: true, testid: "status",
        options: ["working", "retired"].map((v) => ({ value: v, label: t(`status.${v}`) })),
        onChange: (v) => ctx.set({ status: v }),
      })
      : h("p", { class: "hint" }, t("insured.residentNote")),
    insuredFacts(ctx));
}
