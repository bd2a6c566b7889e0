// Step 1, 参保信息: the insured place (province → region, from the loaded policy packs), the
// scheme and, for employees, working or retired.
import { h } from "../dom.js";
import { t, pick, getLang } from "../i18n.js";
import { selectField, radioGroup } from "./fields.js";

export function renderInsured(ctx) {
  const { state, api } = ctx;
  const regions = api.regions();
  const places = api.places();
  const provinceName = (code) => pick((places.find((p) => p.code === code) || {}).name) || code;
  const provinces = [...new Set(regions.map((r) => r.province))];
  const chosen = regions.find((r) => r.code === state.region);
  const province = chosen ? chosen.province : state.regionProvince;
  const inProvince = regions.filter((r) => r.province === province);

  const onProvince = (code) => {
    const list = regions.filter((r) => r.province === code);
    // One region in the province: choosing the province is choosing it.
    ctx.set({ regionProvince: code, region: list.length === 1 ? list[0].code : "" }, { rerender: true });
  };

  return h("div", { class: "step-fields" },
    h("p", { class: "intro" }, t("insured.intro")),
    selectField({
      path: "insured.province", label: t("insured.province"), value: province, placeholder: t("choose"), testid: "insured-province",
      options: provinces.map((code) => ({ value: code, label: provinceName(code) })), onChange: onProvince,
      hint: t("insured.available", { list: regions.map((r) => pick(r.name)).join(getLang() === "zh" ? "、" : ", ") }),
    }),
    selectField({
      path: "insured.region", label: t("insured.region"), value: state.region, placeholder: t("choose"), testid: "insured-region",
      options: inProvince.map((r) => ({ value: r.code, label: pick(r.name) })),
      onChange: (code) => ctx.set({ region: code }, { rerender: true }),
    }),
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
      : h("p", { class: "hint" }, t("insured.residentNote")));
}
