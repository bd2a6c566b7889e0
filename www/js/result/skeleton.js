// What the page shows where an answer needs the engine and the engine is still loading: the
// shape of what will come (the verdict line, the two big amounts, the next step) in the same
// boxes and sizes, so nothing moves when the numbers arrive, and one line saying what is
// loading. Never a bare loading line.
import { h } from "../dom.js";
import { t } from "../i18n.js";

/** "Loading… the estimate is on its way" or, for the slower pure-JS engine, that it takes longer. */
export function engineNote(ctx, { part = false } = {}) {
  if (ctx.engineSlower) return t("app.loadingSlower");
  return t(part ? "app.loading" : "app.loadingResult");
}

const bar = (cls) => h("span", { class: `skeleton-bar ${cls || ""}`.trim(), "aria-hidden": "true" });

function number(cls, label) {
  return h("div", { class: `number ${cls}` },
    h("p", { class: "number-label" }, label),
    h("p", { class: "number-value" }, bar("amount")));
}

/** The result's first screen before the engine has answered. */
export function renderResultSkeleton(ctx, { numbers }) {
  return h("section", { class: "skeleton", "aria-busy": "true", dataset: { testid: "result-skeleton" } },
    h("div", { class: "verdict pending" },
      h("p", { class: "verdict-title" }, bar("title")),
      h("p", { class: "skeleton-status", role: "status", dataset: { testid: "engine-loading" } }, engineNote(ctx))),
    numbers
      ? h("div", { class: "numbers pending", dataset: { testid: "numbers-skeleton" } },
        number("patient counter", t("live.patient")),
        number("fund", t("live.fund")),
        h("p", { class: "number-total" }, bar("total")))
      : null,
    h("section", { class: "first-step pending" }, h("p", null, bar("line")), h("p", null, bar("line short"))));
}

/** A piece of a form that needs the engine (a list from the packs), marked as loading. */
export function pendingPart(ctx, testid) {
  return h("div", { class: "pending-part", "aria-busy": "true", dataset: { testid: testid || "pending-part" } },
    bar("line"), bar("line short"),
    h("p", { class: "hint", role: "status" }, engineNote(ctx, { part: true })));
}
