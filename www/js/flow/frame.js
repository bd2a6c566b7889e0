// What every step page shares: the progress list (each step reachable), the heading, the
// step's fields, back/next, and the live estimate beside (desktop) or below (phone) the form.
// This module and the steps are a chunk of their own (app.js loads it): a result link does not
// wait for them.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { stepsFor } from "../state.js";
import { renderStepper } from "./stepper.js";
import { renderInsured } from "./insured.js";
import { renderFiling } from "./filing.js";
import { renderDisease } from "./disease.js";
import { renderVisit } from "./visit.js";
import { renderCosts } from "./costs.js";
import { renderLive } from "../result/live.js";

const RENDER = { insured: renderInsured, filing: renderFiling, disease: renderDisease, visit: renderVisit, costs: renderCosts };

export function renderStepPage(ctx, page) {
  const steps = stepsFor(ctx.state);
  const index = Math.max(0, steps.indexOf(page));
  const next = steps[index + 1];
  const prev = steps[index - 1];
  const status = h("p", { class: "nav-status", role: "status" });
  const onNext = () => {
    if (ctx.validate(page)) {
      ctx.go(next);
    } else {
      status.textContent = t("nav.fixFirst");
      const first = document.querySelector("#main .invalid");
      if (first) (first.querySelector("input, select") || first).focus();
    }
  };
  const live = renderLive(ctx);
  return h("div", { class: "flow" },
    renderStepper(ctx, page),
    h("div", { class: "flow-body" },
      h("section", { class: "step", "aria-labelledby": "step-title", dataset: { step: page } },
        h("p", { class: "step-count" }, t("step.of", { n: index + 1, total: steps.length })),
        h("h1", { id: "step-title", tabindex: "-1" }, t(`step.${page}`)),
        RENDER[page](ctx),
        status,
        h("div", { class: "step-nav" },
          prev ? h("button", { type: "button", class: "secondary", dataset: { testid: "back" }, on: { click: () => ctx.back(prev) } }, t("nav.back")) : h("span"),
          h("button", { type: "button", class: "primary", dataset: { testid: "next" }, on: { click: onNext } },
            t(next === "result" ? "nav.result" : "nav.next")))),
      live));
}
