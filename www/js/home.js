// The home screen, modelled on the national app's 异地就医 section: three big entries, and the
// saved estimate when the person chose to keep one.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { loadSaved, clearSaved } from "./storage.js";
import { stateToHash } from "./state.js";

function entry(testid, icon, title, desc, onClick, href) {
  return h("li", null, h("a", { class: "entry", href, dataset: { testid }, on: { click: onClick } },
    h("span", { class: "entry-icon", "aria-hidden": "true" }, icon),
    h("span", { class: "entry-text" }, h("span", { class: "entry-title" }, title), h("span", { class: "entry-desc" }, desc))));
}

function savedCard(ctx) {
  const saved = loadSaved();
  if (!saved) return null;
  const card = h("section", { class: "card saved", "aria-labelledby": "saved-title", dataset: { testid: "saved-card" } },
    h("h2", { id: "saved-title" }, t("home.saved")),
    h("p", { class: "hint" }, t("home.savedAt", { time: new Date(saved.savedAt).toLocaleString(document.documentElement.lang) })),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary", dataset: { testid: "open-saved" }, on: { click: () => ctx.restore(saved.query) } }, t("home.openSaved")),
      h("button", {
        type: "button", class: "secondary", dataset: { testid: "clear-saved" },
        on: { click: () => { clearSaved(); card.replaceWith(h("p", { class: "callout", role: "status" }, t("result.cleared"))); } },
      }, t("home.clearSaved"))));
  return card;
}

export function renderHome(ctx) {
  const go = (task) => (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    ctx.start(task);
  };
  const resumable = ctx.state.region && ctx.state.page === "home";
  const taskHref = (task) => stateToHash({ lang: ctx.state.lang, embed: ctx.state.embed, task, page: "insured", lines: [] });
  return h("div", { class: "home" },
    h("h1", { tabindex: "-1" }, t("home.title")),
    h("p", { class: "lead" }, t("home.lead")),
    h("ul", { class: "entries" },
      entry("start-check", "✓", t("home.check"), t("home.checkDesc"), go("check"), taskHref("check")),
      entry("start-estimate", "¥", t("home.estimate"), t("home.estimateDesc"), go("estimate"), taskHref("estimate")),
      entry("open-guide", "?", t("home.guide"), t("home.guideDesc"), (e) => ctx.follow(e, "guide"), ctx.hrefTo("guide"))),
    resumable ? h("p", null, h("a", { class: "link", href: ctx.hrefTo("insured"), on: { click: (e) => ctx.follow(e, "insured") } }, t("home.resume"))) : null,
    savedCard(ctx),
    h("p", { class: "privacy" }, t("app.privacy")),
    h("p", { class: "notice" }, t("app.notice")));
}
