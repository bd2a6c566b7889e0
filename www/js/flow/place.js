// Province → city, the way the national app asks for a place. The value is one division code:
// a city's, or the province's when the city is left as "whole province / not sure".
import { h } from "../dom.js";
import { t, pick } from "../i18n.js";
import { provinceOf } from "../request.js";
import { idFor } from "./fields.js";
import { loadDivisions, loadedDivisions, pickerPlaces, shownDivision } from "../divisions.js";

/**
 * The places a picker offers: every prefecture (www/data/divisions.json, fetched once, the page
 * drawn again when it comes), the engine's treatment places until then.
 */
export function placesFor(ctx) {
  if (!loadedDivisions()) {
    const page = ctx.state.page;
    loadDivisions().then(() => { if (ctx.state.page === page) ctx.redraw(); }, () => {});
  }
  return pickerPlaces(ctx.api.places());
}

/** `loading`: the places are not here yet (the engine is loading): the pickers say so and wait. */
export function placePicker({ path, legend, hint, value, places, onChange, exclude, testid, loading }) {
  const province = value ? provinceOf(value) : "";
  const info = places.find((p) => p.code === province);
  const provinceId = idFor(path, "province");
  const cityId = idFor(path, "city");
  const errId = idFor(path, "err");
  const hintId = hint ? idFor(path, "hint") : null;

  const provinceSelect = h("select", { id: provinceId, disabled: Boolean(loading), "aria-busy": loading ? "true" : null, dataset: { testid: testid && `${testid}-province` }, on: { change: (e) => onChange(e.target.value) } },
    h("option", { value: "" }, t("choose")),
    places.filter((p) => p.code !== exclude).map((p) => h("option", { value: p.code, selected: p.code === province }, pick(p.name))));
  provinceSelect.value = province;

  const cities = info ? info.cities : [];
  const citySelect = h("select", { id: cityId, disabled: !info || cities.length === 0, dataset: { testid: testid && `${testid}-city` }, on: { change: (e) => onChange(e.target.value || province) } },
    h("option", { value: "" }, t("place.wholeProvince")),
    cities.map((c) => h("option", { value: c.code, selected: c.code === value }, pick(c.name))));
  // A county's code shows its prefecture; a province's code, "whole province".
  citySelect.value = value && value !== province ? shownDivision(value, cities) : "";

  for (const control of [provinceSelect, citySelect]) {
    control.setAttribute("aria-describedby", [hintId, errId].filter(Boolean).join(" "));
  }
  return h("fieldset", { class: "field place", dataset: { path } },
    h("legend", null, legend),
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
    loading ? h("p", { class: "hint pending-note", role: "status" }, t("app.loadingPart")) : null,
    h("div", { class: "pair" },
      h("div", null, h("label", { for: provinceId, class: "sub" }, t("place.province")), provinceSelect),
      h("div", null, h("label", { for: cityId, class: "sub" }, t("place.city")), citySelect)),
    h("p", { class: "field-error", id: errId, hidden: true }));
}
