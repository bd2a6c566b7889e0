// The page controller: one state (mirrored in the URL), one engine, and a recompute on every
// change — lightly debounced while typing — so the answer follows the inputs with no submit.
import { h, clear } from "./dom.js";
import { setLang, t, errorText, loadLanguage, languageReady } from "./i18n.js";
import { parseState, stateToHash, freshState, isEmbedded, linkState, hasAnswers } from "./state.js";
import { buildRequest, fieldPathOf, visitDateNote, factsNeeded } from "./request.js";
import { showErrors } from "./flow/errors.js";
import { renderHeader } from "./header.js";
import { renderStepper } from "./flow/stepper.js";
import { renderResultPage } from "./result/view.js";
import { pendingPart } from "./result/skeleton.js";
import { later, year, screens } from "./chunks.js";
import { announce } from "./announce.js";

const TYPING_DELAY = 150;

/** Fetches the code no first screen needs (later.js, with the question steps); main.js waits for it on a step page. */
export function loadLater() {
  return later.load();
}

// Until the engine has started, the pages draw from the URL alone: the lists that come from the
// packs are empty and `pending` tells the steps to mark those pieces as loading.
const NO_ENGINE = { pending: true, regions: () => [], places: () => [], diseases: () => [], allDiseases: () => [], catalogue: () => null };
const FIRST_ESTIMATE = "yibao:first-estimate";

/** Which step holds the field a path names. */
export function stepOfPath(path) {
  // The person's own terms are asked with the costs: they are what turns costs into amounts.
  if (/^(items|quick|lines|ytd|insured\.terms)/.test(path)) return "costs";
  if (path === "visit.disease" || path === "insured.recognizedDiseases") return "disease";
  if (path.startsWith("visit.")) return "visit";
  if (path.startsWith("filing.")) return "filing";
  return "insured";
}

/** An id for one set of answers in the history entries (see `answers` in startApp). */
function newAnswersId() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function compute(api, state) {
  const built = buildRequest(state, factsNeeded(api, state.region, state.visitDate));
  const out = { ...built, result: null, eligibility: null, error: null, pending: api.pending === true };
  if (!built.request || out.pending) return out;
  const { items, ...withoutItems } = built.request;
  if (state.task === "estimate" && items.length) {
    const r = api.estimate(built.request);
    if (r.ok) return { ...out, result: r.value, eligibility: r.value.eligibility };
    out.error = r.error;
    // A bad amount should not hide the checklist: check eligibility without the costs.
    if (stepOfPath(fieldPathOf(r.error.path, built.itemPaths)) !== "costs") return out;
  }
  let e = api.checkEligibility(withoutItems);
  if (!e.ok && /^insured\.terms/.test(e.error.path) && withoutItems.insured.terms) {
    // Bad terms should not hide the checklist either: the checks do not need them.
    out.error = out.error || e.error;
    const { terms, ...insured } = withoutItems.insured;
    e = api.checkEligibility({ ...withoutItems, insured });
  }
  if (e.ok) out.eligibility = e.value;
  else out.error = out.error || e.error;
  return out;
}

/**
 * Draws the page at once from the URL; `engineArrived(api)` on the returned context fills in what
 * needs the engine, keeping what was typed and where the focus was.
 */
export function startApp({ root }) {
  let api = NO_ENGINE;
  const link = linkState(location);
  // The host's own query parameters stay; the person's answers live only in the fragment.
  const rest = link.rest;
  let state = parseState(link.text);
  let computed = null;
  let timer = 0;
  const ui = { showMissing: new Set(), diseaseQuery: "" };
  const header = h("div", { class: "header-slot" });
  const main = h("main", { id: "main", tabindex: "-1" });
  clear(root).append(header, main);
  const urlOf = (s) => `${location.pathname}${rest}${stateToHash(s)}`;
  // Each history entry remembers the page it was reached from, so 上一步 can step back through
  // history (as the phone's back button does) instead of pushing a new entry; and the answers it
  // belongs to (`answers`: one id per set of answers, new with 重新开始 or a restored estimate).
  // An entry's URL holds the answers as they were when it was left: going back or forward within
  // the same answers takes only the page from it, never the older answers (what was just typed).
  let answers = (history.state && history.state.answers) || newAnswersId();
  const replace = () => history.replaceState({ ...history.state, answers }, "", urlOf(state));
  const push = (from) => history.pushState({ from, answers }, "", urlOf(state));
  // The question comes with the home's chunk (screens.js), here before the home is drawn; one that
  // cannot load leaves the answers as they are (a second tap tries again).
  const wipe = (then) => (hasAnswers(state) ? screens.load().then((m) => m.confirmWipe(then), () => {}) : then());

  const ctx = {
    get api() { return api; },
    ui,
    /** The slower pure-JS engine is being fetched: the loading notes say so. */
    engineSlower: false,
    engineArrived(engine) {
      api = engine;
      // A failure notice (main.js) may have been shown above the page: it is over.
      if (!main.isConnected) clear(root).append(header, main);
      recompute();
      renderPage({ keepFocus: true });
    },
    engineSlowerNow() {
      ctx.engineSlower = true;
      for (const note of main.querySelectorAll("[role=status][data-testid=engine-loading], .pending-part [role=status]")) note.textContent = t("app.loadingSlower");
    },
    get state() { return state; },
    get computed() { return computed; },
    set(patch, { rerender = false, focus = null } = {}) {
      state = { ...state, ...patch };
      replace();
      clearTimeout(timer);
      if (rerender) {
        recompute();
        renderPage({ keepFocus: !focus, focus });
      } else {
        timer = setTimeout(() => { recompute(); refresh(); }, TYPING_DELAY);
      }
    },
    go(page, extra = {}) {
      clearTimeout(timer);
      const from = state.page;
      state = { ...state, ...extra, page };
      push(from);
      recompute();
      renderAll({ moveFocus: true });
    },
    /** 上一步: the previous history entry when it is that page, so back and 上一步 agree. */
    back(page) {
      clearTimeout(timer);
      if (history.state && history.state.from === page) {
        history.back();
        return;
      }
      state = { ...state, page };
      replace();
      recompute();
      renderAll({ moveFocus: true });
    },
    start(task) {
      wipe(() => {
        ui.showMissing.clear();
        const from = state.page;
        state = freshState(state, task);
        answers = newAnswersId();
        push(from);
        recompute();
        renderAll({ moveFocus: true });
      });
    },
    restore(text) {
      const from = state.page;
      state = parseState(text);
      answers = newAnswersId();
      push(from);
      recompute();
      renderAll({ moveFocus: true });
    },
    /** Draws the current page again (data it waited for, e.g. the division list, has come). */
    redraw() { renderPage({ keepFocus: true }); },
    hrefTo(page) { return stateToHash({ ...state, page }) || "./"; },
    /** A link that opens this estimate anywhere: absolute, answers in the fragment, not embedded. */
    shareLink(page = "result") { return new URL(`${location.pathname}${stateToHash({ ...state, page, embed: "" })}`, location.href).href; },
    follow(event, page) {
      if (event.metaKey || event.ctrlKey || event.shiftKey) return; // let "open in new tab" work
      event.preventDefault();
      ctx.go(page);
    },
    setLang(lang) {
      state = { ...state, lang };
      replace();
      renderAll({ focusSelector: "[data-testid=lang-switch]" });
    },
    /** Show the missing answers of a step; true when the step is complete and valid. */
    validate(step) {
      ui.showMissing.add(step);
      clearTimeout(timer); // a click right after typing must judge what was typed
      recompute();
      refresh();
      const errors = errorsFor(step === "result");
      return ![...errors.keys()].some((path) => stepOfPath(path) === step);
    },
    stepOfPath,
  };

  function recompute() {
    computed = compute(api, state);
  }

  function errorsFor(all) {
    const errors = new Map();
    if (!computed) return errors;
    for (const m of computed.missing) {
      if ((all || m.now || ui.showMissing.has(m.step)) && !errors.has(m.path)) errors.set(m.path, t(m.key));
    }
    const dateNote = visitDateNote(state);
    if (dateNote && !errors.has("visit.date")) {
      errors.set("visit.date", t(dateNote.end ? "visit.outsideFiling" : "visit.beforeFiling", dateNote));
    }
    const needsItems = state.task === "estimate" && computed.request && !computed.request.items.length;
    if (needsItems && (all || ui.showMissing.has("costs"))) errors.set("items", t("missing.items"));
    if (computed.error) errors.set(fieldPathOf(computed.error.path, computed.itemPaths), errorText(computed.error));
    return errors;
  }

  function refresh() {
    showErrors(main, errorsFor(state.page === "result"));
    if (ctx.onComputed) ctx.onComputed();
    if (computed.result && state.page !== "home" && state.page !== "guide" && !performance.getEntriesByName(FIRST_ESTIMATE).length) {
      performance.mark(FIRST_ESTIMATE); // read by the browser tests: navigation → first estimate on screen
    }
    announce(ctx);
    if (isEmbedded(state) && state.page === "result" && computed.result) {
      const [c, s] = [computed, state]; // this estimate, even if another comes before the chunk
      screens.load().then((m) => m.postToMiniProgram(c, s), () => {});
    }
  }

  function renderPage({ keepFocus = false, moveFocus = false, focus = null, focusSelector = null } = {}) {
    const activeId = keepFocus && document.activeElement ? document.activeElement.id : null;
    const caret = activeId && typeof document.activeElement.selectionStart === "number"
      ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
    // A re-render must not fold away what the person unfolded.
    const unfolded = new Set([...main.querySelectorAll("details[data-keep][open]")].map((d) => d.dataset.keep));
    const page = state.page;
    let content;
    ctx.onComputed = null; // the page being rendered installs its own
    if (page === "home" || page === "guide") content = screenPage(page);
    else if (page === "result") content = renderResultPage(ctx);
    else if (page === "year") content = yearPage();
    else content = stepPage(page);
    clear(main).append(content);
    for (const d of main.querySelectorAll("details[data-keep]")) if (unfolded.has(d.dataset.keep)) d.open = true;
    document.title = `${page === "home" ? "" : `${t(page === "guide" ? "guide.title" : `step.${page}`)} · `}${t("app.title")}`;
    document.body.classList.toggle("embedded", isEmbedded(state));
    refresh();
    const target =
      (focusSelector && document.querySelector(focusSelector)) ||
      (activeId && document.getElementById(activeId)) ||
      (focus === "last-line" && main.querySelector(".line:last-of-type input, .line:last-of-type select")) ||
      (focus === "add-line" && main.querySelector("#add-line button")) ||
      (moveFocus && main.querySelector("h1"));
    if (target) target.focus({ preventScroll: !moveFocus });
    if (target && caret && target.id === activeId && typeof target.setSelectionRange === "function") {
      try { target.setSelectionRange(caret[0], caret[1]); } catch (e) { /* a date or number field has no caret */ }
    }
    if (moveFocus) window.scrollTo(0, 0);
  }

  /** The home or the guide (their chunk, which main.js waits for at start); a loading line until it comes. */
  function screenPage(page) {
    const mod = screens.get();
    if (mod) return page === "home" ? mod.renderHome(ctx) : mod.renderGuide(ctx);
    screens.load().then(() => { if (state.page === page) renderPage({ keepFocus: true }); }, (error) => {
      if (state.page === page) clear(main).append(h("p", { class: "callout fail", role: "alert" }, t("error.internal", { message: String(error && error.message) })));
    });
    return h("p", { class: "loading", role: "status" }, t("app.loading"));
  }

  /** A step page; while its chunk is still coming, its frame with the form marked as loading. */
  function stepPage(page) {
    const mod = later.get();
    if (mod) return mod.renderStepPage(ctx, page);
    later.load().then(() => { if (state.page === page) renderPage({ keepFocus: true }); }, () => {});
    return h("div", { class: "flow" }, renderStepper(ctx, page),
      h("section", { class: "step" }, h("h1", { id: "step-title", tabindex: "-1" }, t(`step.${page}`)), pendingPart(ctx)));
  }

  /** The year view (its chunk, and the steps' for the questions it shares); a loading line until they come. */
  function yearPage() {
    const mod = year.get();
    if (mod && later.get()) {
      document.documentElement.dataset.year = "ready";
      return mod.renderYear(ctx, later.get());
    }
    Promise.all([year.load(), later.load()]).then(() => { if (state.page === "year") renderPage({ keepFocus: true }); }, (error) => {
      if (state.page === "year") clear(main).append(h("p", { class: "callout fail", role: "alert" }, t("error.internal", { message: String(error && error.message) })));
    });
    return h("div", { class: "year-slot" }, h("p", { class: "loading", role: "status" }, t("app.loading")));
  }

  function renderAll(opts = {}) {
    // English is fetched when first asked for: the page changes language once its words are here
    // (or, if they cannot load, keeps to Chinese).
    if (!languageReady(state.lang)) {
      const lang = state.lang;
      const draw = () => { if (state.lang === lang) drawAll(opts); };
      loadLanguage(lang).then(draw, draw);
      return;
    }
    drawAll(opts);
  }

  function drawAll(opts) {
    setLang(state.lang);
    // Inside a mini-program the host draws the title bar: no second bar of our own.
    clear(header);
    if (!isEmbedded(state)) header.append(renderHeader(ctx));
    renderPage(opts);
  }

  // WeChat marks a web-view (__wxjs_environment) only once its bridge is ready, maybe after the
  // first render: post the result then.
  document.addEventListener("WeixinJSBridgeReady", () => { if (computed) refresh(); });

  window.addEventListener("popstate", (event) => {
    clearTimeout(timer);
    const entry = parseState(linkState(location).text);
    const same = event.state && event.state.answers === answers;
    // Within the same answers only where the person is comes from the entry; another link opened
    // in this tab (an entry of no answers of ours) or an entry of answers left by 重新开始 is read whole.
    if (same) state = { ...state, page: entry.page, task: entry.task };
    else {
      state = entry;
      answers = (event.state && event.state.answers) || newAnswersId();
    }
    history.replaceState({ from: null, ...event.state, answers }, "", urlOf(state));
    recompute();
    renderAll({ moveFocus: true });
  });

  // A link without a date gets today's written in, so it stays reproducible; an old query link
  // has its answers moved into the fragment at once. A reload keeps the entry's place in history.
  history.replaceState({ from: null, ...history.state, answers }, "", urlOf(state));
  recompute();
  renderAll();
  return ctx;
}
