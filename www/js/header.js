// The bar on every page: the name (a way home) and the language switch.
import { h } from "./dom.js";
import { t, getLang, loadLanguage } from "./i18n.js";

export function renderHeader(ctx) {
  const other = getLang() === "zh" ? "en" : "zh";
  return h("header", { class: "site-header" },
    h("a", { class: "brand", href: ctx.hrefTo("home"), on: { click: (e) => ctx.follow(e, "home") } },
      h("span", { class: "brand-mark", "aria-hidden": "true" }, "医"),
      h("span", { class: "brand-name" }, t("app.short"))),
    h("button", {
      type: "button", class: "lang-switch", lang: other === "en" ? "en" : "zh-CN",
      "aria-label": t("app.switchLangLabel"), dataset: { testid: "lang-switch" },
      // English is fetched on first use: start when the person reaches for the switch.
      on: { click: () => ctx.setLang(other), pointerenter: () => loadLanguage(other).catch(() => {}), focus: () => loadLanguage(other).catch(() => {}) },
    }, t("app.switchLang")));
}
