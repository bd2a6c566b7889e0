// Boot: load the engine once, then hand over to the app. If the engine cannot load, say so in
// the person's language with a retry and the simple page — never a blank or frozen screen.
import { loadEngine } from "./engine.js";
import { startApp } from "./app.js";
import { setLang, t } from "./i18n.js";
import { parseState, linkState } from "./state.js";
import { h, clear } from "./dom.js";
import { loadDivisions } from "./divisions.js";

const root = document.getElementById("app");

function showFailure(error) {
  clear(root).append(h("section", { class: "callout fail boot-failure", role: "alert", dataset: { testid: "boot-failure" } },
    h("h1", null, t("app.loadFailed")),
    h("p", null, t("app.loadFailedHint")),
    h("p", { class: "hint" }, String(error && error.message ? error.message : error)),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary", on: { click: boot } }, t("app.retry")),
      h("a", { class: "button secondary", href: `legacy.html${location.search}${location.hash}` }, t("app.legacyLink")))));
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

// Pages whose pickers name every division: their list is fetched beside the wasm, not after it.
// A result link never fetches it (the engine names the insured place there).
const PICKER_PAGES = new Set(["home", "insured", "disease", "costs"]);

async function boot() {
  const first = parseState(linkState(location).text);
  setLang(first.lang);
  if (PICKER_PAGES.has(first.page)) loadDivisions().catch(() => {}); // the picker retries when shown
  const status = h("p", { class: "loading", role: "status" }, t("app.loading"));
  clear(root).append(status);
  try {
    // An old browser gets the pure-JS engine: slower to arrive, never an error.
    const api = await loadEngine({ onSlower: () => { status.textContent = t("app.loadingSlower"); } });
    startApp({ api, root });
    document.documentElement.dataset.boot = "ready";
  } catch (error) {
    showFailure(error);
  }
}

window.addEventListener("error", (e) => showCrash(e.message));
window.addEventListener("unhandledrejection", (e) => showCrash(String(e.reason && e.reason.message ? e.reason.message : e.reason)));
boot();
