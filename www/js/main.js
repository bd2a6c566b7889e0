// Boot: draw the page at once from the URL (home, guide and the question steps need no engine;
// a result shows the shape of its answer), load the engine beside it, and hand it to the app
// when it has started. If the engine cannot load, say so in the person's language with a retry
// and the simple page — never a blank or frozen screen, and what was typed stays.
import { loadEngine } from "./engine.js";
import { startApp, loadLater } from "./app.js";
import { setLang, t, loadLanguage, addLanguage } from "./i18n.js";
import chinese from "./strings/zh.js";
import { parseState, linkState } from "./state.js";
import { h, clear } from "./dom.js";
import { later, screens } from "./chunks.js";

addLanguage("zh", chinese);
const root = document.getElementById("app");
let app = null;
let slower = false;

// The slower pure-JS engine is being fetched: the page's loading notes say so.
function noteSlower() {
  slower = true;
  if (app) app.engineSlowerNow();
}

function showFailure(error) {
  const box = h("section", { class: "callout fail boot-failure", role: "alert", dataset: { testid: "boot-failure" } },
    h("h1", null, t("app.loadFailed")),
    h("p", null, t("app.loadFailedHint")),
    h("p", { class: "hint" }, String(error && error.message ? error.message : error)),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary", on: { click: () => { box.remove(); startEngine(); } } }, t("app.retry")),
      h("a", { class: "button secondary", href: `legacy.html${location.search}${location.hash}` }, t("app.legacyLink"))));
  root.prepend(box);
  box.querySelector("button").focus();
  document.documentElement.dataset.boot = "failed";
}

function showCrash(message) {
  // An unexpected error after start: keep the page usable and say what happened.
  let banner = document.getElementById("crash");
  if (!banner) {
    banner = h("p", { id: "crash", class: "callout fail", role: "alert" });
    document.body.prepend(banner);
  }
  banner.textContent = t("error.internal", { message });
}

// Pages whose pickers name every division: their list is fetched beside the wasm, not after it,
// as soon as the steps' code that reads it (later.js) is here. A result link never fetches it
// (the engine names the insured place there), nor the code (not on the estimate's path).
const PICKER_PAGES = new Set(["home", "insured", "filing", "disease", "visit", "costs"]);
const STEP_PAGES = new Set(["insured", "filing", "disease", "visit", "costs"]);
// Pages drawn by screens.js (the built page has asked for it with its first bytes: js/engine-early.js).
const SCREEN_PAGES = new Set(["home", "guide"]);

async function startEngine() {
  document.documentElement.dataset.boot = "loading";
  try {
    // An old browser gets the pure-JS engine: slower to arrive, never an error.
    const api = await loadEngine({ onSlower: noteSlower });
    app.engineArrived(api);
    document.documentElement.dataset.boot = "ready";
  } catch (error) {
    showFailure(error);
  }
}

async function boot() {
  const first = parseState(linkState(location).text);
  setLang(first.lang);
  if (PICKER_PAGES.has(first.page)) later.load().then((m) => m.loadDivisions()).catch(() => {}); // the picker retries when shown
  // The engine starts loading now; the page does not wait for it. It waits only for what its
  // first screen is written with: English when asked for, the steps' code on a step page, the
  // home's and the guide's on theirs (the home's first screen may be on screen already as markup).
  const engine = loadEngine({ onSlower: noteSlower });
  engine.catch(() => {}); // startEngine reports it
  await Promise.all([
    loadLanguage(first.lang).catch(() => {}), // Chinese then, rather than nothing
    STEP_PAGES.has(first.page) ? loadLater().catch(() => {}) : null,
    SCREEN_PAGES.has(first.page) ? screens.load().catch(() => {}) : null,
  ]);
  // The built page may show the home's first screen already (scripts/first-screen.mjs): the app
  // draws the same over it, and a control focused there keeps the focus.
  const focused = root.contains(document.activeElement) && document.activeElement.dataset.testid;
  app = startApp({ root });
  const again = focused && root.querySelector(`[data-testid="${focused}"]`);
  if (again) again.focus();
  // The page drawn, before its engine (bench/, the page tests): unless its first screen came with it.
  if (!performance.getEntriesByName("yibao:first-screen").length) performance.mark("yibao:first-screen");
  if (slower) app.engineSlowerNow();
  // The steps and the result's later sections, before they are shown — on a result after its
  // estimate, so that they do not share the network with the wasm; then the home's chunk (the way
  // back home, the wipe question), unless it came first.
  const result = first.page === "result" || first.page === "year";
  if (!result) loadLater().then(() => screens.load()).catch(() => {});
  await startEngine();
  if (result) later.afterPaint().then(() => screens.load()).catch(() => {});
}

window.addEventListener("error", (e) => showCrash(e.message));
window.addEventListener("unhandledrejection", (e) => showCrash(String(e.reason && e.reason.message ? e.reason.message : e.reason)));
boot();
