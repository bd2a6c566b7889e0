// The result page: the verdict and the two numbers first, then the checklist with next steps,
// the split and the pictures, what-if, the traced calculation, the national field names, and
// the notice that this is an estimate, not a settlement.
import { h } from "../dom.js";
import { t, errorText, getLang, paren } from "../i18n.js";
import { renderStepper } from "../flow/stepper.js";
import { renderVerdict, renderNumbers, renderBreakdown, noneReason, statusKey } from "./summary.js";
import { renderFirstStep } from "./nextstep.js";
import { diseaseName } from "./wording.js";
import { renderChecks } from "./checks.js";
import { renderActions } from "./actions.js";
import { renderResultSkeleton } from "./skeleton.js";
import { later as laterChunk } from "../chunks.js";

/**
 * A section below the first screen (pictures, what-if, trace, national fields, the person's own
 * numbers or which ones the amounts need: later.js): drawn
 * now if its code is here, else in its place once it comes — fetched after the estimate is on
 * screen, never before it.
 */
function later(render) {
  const mod = laterChunk.get();
  if (mod) return render(mod);
  const slot = h("div", { class: "later-slot" });
  laterChunk.afterPaint().then((m) => {
    if (!slot.isConnected) return;
    const drawn = render(m);
    if (drawn) slot.replaceWith(drawn);
    else slot.remove();
  }, () => {});
  return slot;
}

/** Does the engine say the amounts wait for the person's numbers (TERMS_NEEDED)? */
function needsTerms(eligibility) {
  return Boolean(eligibility) && eligibility.warnings.some((w) => w.code === "TERMS_NEEDED");
}

function fixLink(ctx, step, text) {
  return h("a", { class: "link", href: ctx.hrefTo(step), on: { click: (e) => ctx.follow(e, step) } }, text);
}

function notReady(ctx, c) {
  const missing = [...c.missing];
  if (c.request && ctx.state.task === "estimate" && !c.request.items.length) missing.push({ step: "costs", key: "missing.items" });
  if (!missing.length) return null;
  return h("section", { class: "callout warn", dataset: { testid: "not-ready" } },
    h("p", null, t("result.notReady")),
    h("ul", null, missing.map((m) => h("li", null, `${t(m.key)} — `, fixLink(ctx, m.step, `${t("result.fix")}${paren(t(`step.${m.step}`))}`)))));
}

function errorBox(ctx, error) {
  const step = ctx.stepOfPath(error.path);
  return h("section", { class: "callout fail", role: "alert", dataset: { testid: "result-error", code: error.code, path: error.path } },
    h("p", { class: "callout-title" }, t("result.errorTitle")),
    h("p", null, errorText(error)),
    fixLink(ctx, step, `${t("result.fix")}${paren(t(`step.${step}`))}`));
}

function notice(result) {
  const text = result ? result.notice[getLang()] || result.notice.zh : t("app.notice");
  return h("p", { class: "notice strong", dataset: { testid: "notice" } }, text);
}

/** A warned opening or disease check (national baseline): direct, probably — to be confirmed. */
function isProbable(eligibility) {
  return eligibility.checks.some((c) => statusKey(c) === "probably");
}

function verdict(ctx, mode, eligibility, checkOnly) {
  const reason = mode === "none" ? noneReason(eligibility) : null;
  const probably = mode === "direct" && isProbable(eligibility);
  const box = renderVerdict(mode, { checkOnly, reason, probably, params: { disease: diseaseName(ctx, ctx.state.disease) } });
  // "Can settle directly" holds only at a networked hospital: say so where the verdict is.
  if (mode === "direct" && eligibility.checks.some((c) => c.code === "HOSPITAL_NETWORKED" && c.status === "warn")) {
    box.append(h("p", { dataset: { testid: "verdict-if-networked" } }, t("verdict.ifNetworked")));
  }
  return box;
}

function yearLink(ctx) {
  return h("p", { class: "year-link" }, h("a", {
    class: "button secondary", href: ctx.hrefTo("year"), dataset: { testid: "open-year" },
    on: { click: (e) => ctx.follow(e, "year") },
  }, t("result.openYear")));
}

export function renderResultPage(ctx) {
  const c = ctx.computed;
  const estimate = ctx.state.task === "estimate";
  const result = c.result;
  const parts = [h("h1", { tabindex: "-1" }, t(estimate ? "result.title" : "result.checkTitle"))];
  parts.push(notReady(ctx, c));
  if (c.error) parts.push(errorBox(ctx, c.error));

  if (c.pending) {
    // The engine is on its way: the shape of the answer now, the answer in the same place soon.
    if (c.request) parts.push(renderResultSkeleton(ctx, { numbers: estimate && c.request.items.length > 0 }));
  } else if (result && !result.settlement) {
    // A place without a pack and no numbers yet: the verdict and checks, and what the amounts need.
    parts.push(verdict(ctx, result.mode, result.eligibility, false), renderFirstStep(ctx, null, result.eligibility),
      later((m) => m.renderTermsNeeded(ctx)), notice(result), renderChecks(ctx, result.eligibility));
  } else if (result) {
    parts.push(
      verdict(ctx, result.mode, result.eligibility, false),
      renderNumbers(result),
      renderFirstStep(ctx, result, result.eligibility),
      result.usesAssumptions ? h("p", { class: "callout assumed", dataset: { testid: "assumptions" } }, h("span", { "aria-hidden": "true" }, "⚠ "), t("result.assumptions")) : null,
      later((m) => m.renderYourTerms(ctx, result, c.request)),
      notice(result),
      h("div", { class: "result-grid" },
        h("div", null, renderChecks(ctx, result.eligibility)),
        h("div", null, renderBreakdown(result), later((m) => m.renderPictures(result, c.request)))),
      // When nothing is payable, other filings change nothing: no what-if to show.
      result.mode === "none" ? null : later((m) => m.renderWhatIf(ctx, result)),
      yearLink(ctx),
      later((m) => m.renderTrace(result)),
      later((m) => m.renderNational(ctx)));
  } else if (c.eligibility) {
    parts.push(verdict(ctx, c.eligibility.mode, c.eligibility, true), renderFirstStep(ctx, null, c.eligibility),
      needsTerms(c.eligibility) ? later((m) => m.renderTermsNeeded(ctx)) : null, notice(null), renderChecks(ctx, c.eligibility));
    if (!estimate && !needsTerms(c.eligibility)) {
      parts.push(h("div", { class: "button-row" }, h("button", {
        type: "button", class: "primary", dataset: { testid: "continue-costs" },
        on: { click: () => ctx.go("costs", { task: "estimate" }) },
      }, t("result.continueCosts"))));
    }
  } else {
    parts.push(notice(null));
  }
  parts.push(renderActions(ctx));
  return h("div", { class: "flow result-page" },
    renderStepper(ctx, "result"),
    h("div", { class: "result" }, parts));
}
