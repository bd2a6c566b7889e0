// The home page's first screen as HTML, drawn at build time by the page's own code (js/header.js,
// js/home.js, the Chinese strings with the home's), for scripts/dist.mjs to put in the built index.html: on a
// slow network the page's bytes arrive long before anything it names, and this markup lets the
// home's first paint be its cards as soon as they have arrived, before the page's code has run
// (BENCHMARKS.md, "The phone profile"). The app draws the same elements over it when it starts.
//
// The page's modules run here in Node against a minimal document (below): js/dom.js builds
// elements with createElement, attributes, dataset and text nodes only, and that is all this
// document supports; event handlers are dropped (the entries are links: a click before the app
// has started opens the same fragment). What depends on the person's device is left to the app:
// the saved estimate's card (localStorage) is never in this markup.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;");
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

class Node {}

class Text extends Node {
  #data;
  constructor(data) { super(); this.#data = String(data); }
  get outerHTML() { return escapeText(this.#data); }
}

class Element extends Node {
  #tag;
  #attrs = new Map();
  #children = [];
  constructor(tag) {
    super();
    this.#tag = String(tag).toLowerCase();
    // el.dataset.fooBar = v is the attribute data-foo-bar, as in a browser.
    this.dataset = new Proxy({}, {
      set: (_, name, value) => { this.setAttribute(`data-${String(name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value); return true; },
    });
  }
  setAttribute(name, value) { this.#attrs.set(String(name).toLowerCase(), String(value)); }
  addEventListener() {} // nothing runs in this markup
  appendChild(child) {
    if (!(child instanceof Node)) throw new Error("first screen: appendChild of a non-node");
    this.#children.push(child);
    return child;
  }
  append(...children) { for (const c of children) this.appendChild(c instanceof Node ? c : new Text(c)); }
  set textContent(value) { this.#children = [new Text(value)]; }
  get outerHTML() {
    const attrs = [...this.#attrs].map(([k, v]) => (v === "" ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join("");
    if (VOID.has(this.#tag)) return `<${this.#tag}${attrs}>`;
    return `<${this.#tag}${attrs}>${this.#children.map((c) => c.outerHTML).join("")}</${this.#tag}>`;
  }
}

const minimalDocument = {
  documentElement: new Element("html"),
  createElement: (tag) => new Element(tag),
  createTextNode: (text) => new Text(text),
  createElementNS: () => { throw new Error("first screen: SVG is not drawn at build time"); },
};

/**
 * The home's first screen, as the app draws it into #app for a first visit (no fragment, Chinese,
 * not embedded): its header bar and its <main>, each marked `data-first` (css/base.css shows them
 * only where js/boot-check.js has found that first visit). `www` is the directory of the sources.
 */
export async function homeScreen(www) {
  const saved = { document: globalThis.document, Node: globalThis.Node };
  Object.assign(globalThis, { document: minimalDocument, Node });
  try {
    const load = (path) => import(pathToFileURL(join(www, "js", path)).href);
    const [{ h }, i18n, { default: chinese }, { default: homeWords }, state, { renderHeader }, { renderHome }] = await Promise.all(
      ["dom.js", "i18n.js", "strings/zh.js", "strings/zh-screens.js", "state.js", "header.js", "home.js"].map(load),
    );
    // As the page has them once the home's chunk is here (main.js, then screens.js).
    i18n.addLanguage("zh", chinese);
    i18n.addStrings("zh", homeWords);
    i18n.setLang("zh");
    // The app's context for the home of a first visit (js/app.js startApp), as far as drawing reads it.
    const first = state.parseState("");
    if (state.stateToHash(first) !== "") throw new Error("first screen: the first visit's state is not the defaults");
    const ignore = () => {};
    const ctx = { state: first, hrefTo: (page) => state.stateToHash({ ...first, page }) || "./", follow: ignore, start: ignore, restore: ignore };
    const header = h("div", { class: "header-slot", "data-first": "" }, renderHeader(ctx));
    const main = h("main", { id: "main", tabindex: "-1", "data-first": "" }, renderHome(ctx));
    return header.outerHTML + main.outerHTML;
  } finally {
    Object.assign(globalThis, saved);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete globalThis[k];
  }
}
