// The national settlement interface's field names, on request: for comparing with a hospital's
// 2206/2207 statement.
import { h } from "../dom.js";
import { t, pick, errorText } from "../i18n.js";

export function renderNational(ctx) {
  const open = ctx.state.national === "1";
  const toggle = h("button", {
    type: "button", class: "secondary", "aria-expanded": String(open), "aria-controls": "national-table", dataset: { testid: "national-toggle" },
    on: { click: () => ctx.set({ national: open ? "" : "1" }, { rerender: true }) },
  }, t(open ? "result.nationalHide" : "result.national"));
  let table = null;
  if (open) {
    const r = ctx.api.nationalFields(ctx.computed.request);
    table = r.ok
      ? h("div", { class: "table-scroll", id: "national-table" },
        h("p", { class: "hint" }, t("result.nationalLead")),
        h("table", { class: "national", dataset: { testid: "national-table" } },
          h("thead", null, h("tr", null, h("th", { scope: "col" }, t("result.nationalField")), h("th", { scope: "col" }, t("result.nationalName")), h("th", { scope: "col" }, t("result.nationalValue")))),
          h("tbody", null, r.value.map((f) => h("tr", null, h("td", null, h("code", null, f.field)), h("td", null, pick(f.name)), h("td", { class: "amount" }, f.value === null ? "—" : f.value))))))
      : h("p", { class: "field-error", id: "national-table" }, errorText(r.error));
  }
  return h("section", { class: "card national-card" }, toggle, table);
}
