// Step 2, 备案信息: filed or not (an emergency needs no filing), the category in plain words,
// the filed place (province → city) and dates.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { inputField, radioGroup } from "./fields.js";
import { placePicker, placesFor } from "./place.js";
import { CATEGORIES } from "./categories.js";


function answerOf(state) {
  if (state.filed === "0") return "no";
  if (state.filed === "1") return state.category === "emergency" ? "emergency" : "yes";
  return "";
}

export function renderFiling(ctx) {
  const { state, api } = ctx;
  const answer = answerOf(state);
  const onAnswer = (v) => {
    if (v === "no") ctx.set({ filed: "0" }, { rerender: true });
    else if (v === "emergency") ctx.set({ filed: "1", category: "emergency" }, { rerender: true });
    else ctx.set({ filed: "1", category: state.category === "emergency" ? "" : state.category }, { rerender: true });
  };
  // The visit place follows the filing place by itself until the person chooses one
  // (request.js visitPlaceOf), so choosing the province and then the city moves both.
  const onPlace = (code) => ctx.set({ filingPlace: code }, { rerender: true });
  const temporary = state.category === "referral" || state.category === "other_temporary";

  const parts = [
    h("p", { class: "intro" }, t("filing.intro")),
    radioGroup({
      path: "filing.filed", legend: t("filing.question"), value: answer, testid: "filed",
      options: [
        { value: "yes", label: t("filing.yes") },
        { value: "no", label: t("filing.no") },
        { value: "emergency", label: t("filing.emergency"), desc: t("filing.emergencyDesc") },
      ],
      onChange: onAnswer,
    }),
  ];

  if (answer === "no") {
    parts.push(h("div", { class: "callout warn" }, h("p", null, t("filing.noHint")),
      h("a", { href: ctx.hrefTo("guide"), class: "link", on: { click: (e) => ctx.follow(e, "guide") } }, t("filing.guideLink"))));
  }
  if (answer === "yes") {
    parts.push(radioGroup({
      path: "filing.category", legend: t("filing.category"), value: state.category, testid: "category",
      options: CATEGORIES.filter(([id]) => id !== "emergency").map(([id, kind]) => ({
        value: id, label: t(`category.${id}`), desc: t(`category.${id}.desc`),
        tag: t(kind === "long" ? "filing.longTerm" : "filing.temporary"), tagClass: kind,
      })),
      onChange: (v) => ctx.set({ category: v }, { rerender: true }),
    }));
  }
  if (answer === "yes" || answer === "emergency") {
    const emergency = answer === "emergency";
    if (emergency) parts.push(h("p", { class: "hint" }, t("filing.emergencyOptional")));
    parts.push(
      placePicker({
        path: "filing.place", legend: t("filing.place") + (emergency ? ` ${t("optional")}` : ""), hint: t("filing.placeHint"),
        value: state.filingPlace, places: placesFor(ctx), loading: api.pending, onChange: onPlace, testid: "filing-place",
      }),
      h("div", { class: "pair" },
        inputField({
          path: "filing.start", label: t("filing.start") + (emergency ? ` ${t("optional")}` : ""), type: "date", value: state.filingStart,
          testid: "filing-start", onInput: (v) => ctx.set({ filingStart: v }),
        }),
        inputField({
          path: "filing.end", label: `${t("filing.end")} ${temporary ? "" : t("optional")}`.trim(),
          hint: t(temporary ? "filing.endHintTemporary" : emergency ? "filing.endHintEmergency" : "filing.endHint"), type: "date",
          value: state.filingEnd, testid: "filing-end", onInput: (v) => ctx.set({ filingEnd: v }),
        })));
  }
  return h("div", { class: "step-fields" }, parts);
}
