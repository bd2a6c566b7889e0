// 备案须知: how and where to file, the six categories in plain words, and the few terms a
// person meets at the counter, one line each.
import { h } from "./dom.js";
import { t, getLang } from "./i18n.js";
import { CATEGORIES } from "./flow/categories.js";

export function renderGuide(ctx) {
  const list = (keys) => h("ul", { class: "plain-list" }, keys.map((k) => h("li", null, t(k))));
  return h("article", { class: "guide" },
    h("h1", { tabindex: "-1" }, t("guide.title")),
    h("p", { class: "lead" }, t("guide.lead")),
    h("section", { "aria-labelledby": "guide-how" },
      h("h2", { id: "guide-how" }, t("guide.how")),
      list(["guide.how1", "guide.how2", "guide.how3", "guide.how4"])),
    h("section", { "aria-labelledby": "guide-which" },
      h("h2", { id: "guide-which" }, t("guide.which")),
      h("p", null, t("guide.whichLead")),
      h("dl", { class: "categories" }, CATEGORIES.map(([id, kind]) => [
        h("dt", null, t(`category.${id}`), " ", h("span", { class: `tag ${kind}` }, t(kind === "long" ? "filing.longTerm" : "filing.temporary"))),
        h("dd", null, t(`category.${id}.desc`), id === "emergency" ? `${getLang() === "zh" ? "" : " "}${t("filing.emergencyDesc")}` : ""),
      ]))),
    h("section", { "aria-labelledby": "guide-words" },
      h("h2", { id: "guide-words" }, t("guide.words")),
      h("p", null, t("guide.principle")),
      list(["guide.word.deductible", "guide.word.preSelfPay", "guide.word.ratio", "guide.word.cap", "guide.word.classes"])),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary", on: { click: () => ctx.start("estimate") } }, t("guide.start"))),
    h("p", { class: "notice" }, t("app.notice")));
}
