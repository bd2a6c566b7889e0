// The live estimate shown while filling in the steps: the two numbers as soon as they exist,
// the eligibility verdict before that, and what is still missing before that.
import { h, clear } from "../dom.js";
import { t, money, errorText } from "../i18n.js";
import { amountText } from "../money.js";
import { engineNote } from "./skeleton.js";
import { worded, statusKey } from "./summary.js";

function content(ctx) {
  const c = ctx.computed;
  const see = h("a", {
    class: "button primary small", href: ctx.hrefTo("result"), dataset: { testid: "live-see" },
    on: { click: (e) => ctx.follow(e, "result") },
  }, t("live.see"));
  if (!c) return [];
  if (c.error && !c.eligibility) {
    const step = ctx.stepOfPath(c.error.path);
    return [h("p", { class: "live-status fail" }, t("live.fix")), h("p", { class: "hint" }, errorText(c.error)),
      ctx.state.page !== step ? h("a", { class: "link", href: ctx.hrefTo(step), on: { click: (e) => ctx.follow(e, step) } }, `${t("nav.edit")} → ${t(`step.${step}`)}`) : null];
  }
  if (!c.request) {
    const steps = [...new Set(c.missing.map((m) => m.step))];
    return [h("p", { class: "hint" }, t("live.incomplete")),
      h("p", { class: "hint" }, t("live.stillNeed", { list: steps.map((s) => t(`step.${s}`)).join(" · ") }))];
  }
  if (c.pending) {
    // The engine is on its way: where the verdict and the two numbers will be.
    const bar = () => h("span", { class: "skeleton-bar amount", "aria-hidden": "true" });
    return [h("p", { class: "hint", role: "status", dataset: { testid: "engine-loading" } }, engineNote(ctx)),
      ctx.state.task === "estimate" && c.request.items.length
        ? h("div", { class: "live-numbers", "aria-hidden": "true" },
          h("p", null, h("span", { class: "live-label" }, t("live.patient")), bar()),
          h("p", null, h("span", { class: "live-label" }, t("live.fund")), bar()))
        : null,
      see];
  }
  const direct = c.eligibility && c.eligibility.directSettlement;
  // Direct but to be confirmed (a disease only on the national list…): the result's own words.
  const eligibility = c.result ? c.result.eligibility : c.eligibility;
  const probably = eligibility && eligibility.checks.some((check) => statusKey(check) === "probably");
  const verdict = c.result
    ? h("p", { class: `live-status ${c.result.mode}` }, t(c.result.mode === "direct" && probably ? "verdict.probably" : `result.mode.${c.result.mode}`))
    : h("p", { class: `live-status ${direct ? "direct" : "fail"}` }, direct ? `✓ ${t(probably ? "verdict.probably" : "live.direct")}` : `✗ ${t("live.notDirect")}`);
  if (c.result && !c.result.settlement) {
    // No numbers for a place without a pack yet: the verdict holds; the amounts wait for them.
    return [verdict, h("p", { class: "hint", dataset: { testid: "live-terms-needed" } }, t("terms.neededShort")), see];
  }
  if (!c.result) {
    return [verdict, ctx.state.task === "estimate" ? h("p", { class: "hint" }, c.error ? errorText(c.error) : t("live.enterCosts")) : null, see];
  }
  const s = c.result.settlement;
  // As on the result page: what is paid at the counter first — for a manual claim the whole bill,
  // then about what is left to the person in the end (two lines: the bar covers the form).
  const manual = c.result.mode === "manual";
  const counter = h("p", null, h("span", { class: "live-label" }, t("result.manual.counter")), h("strong", { dataset: { testid: "live-counter" } }, money(amountText(s.total))));
  const fund = h("p", null, h("span", { class: "live-label" }, t("live.fund")), h("strong", { class: "fund", dataset: { testid: "live-fund" } }, worded(c.result)));
  const patient = h("p", null, h("span", { class: "live-label" }, t(manual ? "result.manual.end" : "live.patient")), h("strong", { class: "patient", dataset: { testid: "live-patient" } }, worded(c.result, true)));
  return [verdict,
    h("div", { class: "live-numbers" }, manual ? [counter, patient] : [patient, fund]),
    c.error ? h("p", { class: "hint fail" }, errorText(c.error)) : null,
    see];
}

// On a phone the bar sticks to the bottom of the screen, over the form: a control the person
// tabs to must not end up under it. Its height, kept in --live-bar on <html>, is the page's
// scroll-padding-bottom there (css/later.css), which Chromium honours when it scrolls a focused
// control into view. Firefox and WebKit do not always (they leave a control that is on screen
// but under the bar where it is), so once the browser has scrolled, a control still under the
// bar is scrolled clear of it.
let watching = null;
let bar = null;
const MARGIN = 12; // px: the focus ring too

function clearOfBar(event) {
  const target = event.target;
  if (!bar || !bar.isConnected || !(target instanceof Element) || bar.contains(target)) return;
  requestAnimationFrame(() => {
    if (!bar || !bar.isConnected || document.activeElement !== target) return;
    const b = bar.getBoundingClientRect();
    if (b.bottom < innerHeight - 1 || b.top >= innerHeight) return; // not stuck over the screen's bottom
    const r = target.getBoundingClientRect();
    const under = r.bottom + MARGIN - b.top;
    if (under > 0) window.scrollBy(0, Math.min(under, Math.max(0, r.top - MARGIN)));
  });
}

function keepClearOfBar(aside) {
  if (!bar) document.addEventListener("focusin", clearOfBar);
  bar = aside;
  if (typeof ResizeObserver !== "function") return;
  const root = document.documentElement;
  if (watching) watching.disconnect(); // the previous step's bar
  watching = new ResizeObserver(() => {
    const height = aside.isConnected ? aside.getBoundingClientRect().height : 0;
    root.style.setProperty("--live-bar", `${Math.ceil(height)}px`);
  });
  watching.observe(aside);
}

export function renderLive(ctx) {
  const body = h("div", { class: "live-body" });
  const aside = h("aside", { class: "live", "aria-labelledby": "live-title", dataset: { testid: "live" } },
    h("h2", { id: "live-title", class: "live-title" }, t("live.title")), body);
  ctx.onComputed = () => clear(body).append(...content(ctx).filter(Boolean));
  keepClearOfBar(aside);
  return aside;
}
