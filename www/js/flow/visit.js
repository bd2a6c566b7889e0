// Step 4, 就医信息: when and where (province → city), the hospital level, and whether the
// hospital is networked for cross-province outpatient special-disease settlement.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { inputField, radioGroup } from "./fields.js";
import { placePicker, placesFor } from "./place.js";
import { visitPlaceOf, visitFollowsFiling } from "../request.js";

export function renderVisit(ctx) {
  const { state, api } = ctx;
  const prefilled = visitFollowsFiling(state);
  return h("div", { class: "step-fields" },
    h("p", { class: "intro" }, t("visit.intro")),
    inputField({
      path: "visit.date", label: t("visit.date"), type: "date", value: state.visitDate, testid: "visit-date",
      // The disease list depends on the date, so a new date re-renders once it is complete.
      onInput: (v) => ctx.set({ visitDate: v }),
    }),
    placePicker({
      path: "visit.place", legend: t("visit.place"), hint: prefilled ? t("visit.sameAsFiling") : null,
      value: visitPlaceOf(state), places: placesFor(ctx), loading: api.pending, testid: "visit-place",
      onChange: (code) => ctx.set({ visitPlace: code }, { rerender: true }),
    }),
    radioGroup({
      path: "visit.hospitalLevel", legend: t("visit.level"), value: state.level, testid: "level",
      options: ["3", "2", "1"].map((v) => ({ value: v, label: t(`level.${v}`), desc: t(`level.${v}.desc`) })),
      onChange: (v) => ctx.set({ level: v }),
    }),
    radioGroup({
      path: "visit.networked", legend: t("visit.networked"), hint: t("visit.networkedHint"), value: state.networked,
      compact: true, testid: "networked",
      // No answer is assumed: "not known" is an answer, and the check then says how to find out.
      options: [{ value: "1", label: t("networked.yes") }, { value: "0", label: t("networked.no") }, { value: "u", label: t("networked.unknown") }],
      onChange: (v) => ctx.set({ networked: v }),
    }));
}
