// The year view's code is fetched only when the year is opened: the first estimate never waits
// for it. scripts/build.sh bundles it on its own (vendor/year.js, kept out of vendor/app.js by
// the non-literal import below, as engine.js does for the engine); it imports nothing of the
// page's modules — a second copy of i18n.js would not know the language — so what it needs is
// handed over here.
import { h, clear } from "./dom.js";
import { t, pick, getLang, money, errorText } from "./i18n.js";
import { amountText, fenText, toFen, cleanAmount } from "./money.js";
import { buildRequest } from "./request.js";
import { emptyYearVisit } from "./state.js";
import { renderStepper } from "./flow/stepper.js";

const YEAR = "../vendor/year.js";

const kit = { h, clear, t, pick, getLang, money, errorText, amountText, fenText, toFen, cleanAmount, buildRequest, emptyYearVisit, renderStepper };

export function loadYear(ctx, main) {
  const slot = h("div", { class: "year-slot" }, h("p", { class: "loading", role: "status" }, t("app.loading")));
  import(YEAR).then(
    (mod) => {
      if (!slot.isConnected) return;
      clear(slot).append(mod.renderYear(ctx, kit));
      const title = main.querySelector("h1");
      if (title && document.activeElement === main) title.focus();
      document.documentElement.dataset.year = "ready";
    },
    (error) => clear(slot).append(h("p", { class: "callout fail", role: "alert" }, t("error.internal", { message: String(error && error.message) }))),
  );
  return slot;
}
