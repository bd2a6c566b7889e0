// The progress list of the flow (each step reachable), shared by the steps, the result and the
// year view; on its own so the result's first paint does not need the steps' code.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { stepsFor } from "../state.js";

export function renderStepper(ctx, current) {
  const steps = stepsFor(ctx.state);
  return h("nav", { class: "stepper", "aria-label": t("step.progress") },
    h("ol", null, steps.map((step, i) => h("li", { class: step === current ? "current" : "" },
      h("a", {
        href: ctx.hrefTo(step), "aria-current": step === current ? "step" : null, dataset: { testid: `stepper-${step}` },
        on: { click: (e) => ctx.follow(e, step) },
      }, h("span", { class: "num", "aria-hidden": "true" }, String(i + 1)), h("span", { class: "label" }, t(`step.${step}`)))))));
}
