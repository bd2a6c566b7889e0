// The one engine of the page: loaded once (WebAssembly, or the pure-JS build where WebAssembly
// cannot run: engine-loader.js), one Engine is made, and the pickers' data is memoised, since
// every keystroke recomputes.
import { loadEngineInstance } from "./engine-loader.js";
import { requestText } from "./request-text.js";

let loading = null;

/**
 * Resolves to an Api, or rejects with the reason the engine could not start. `onSlower` is called
 * when the slower pure-JS engine is being fetched instead of the WebAssembly one.
 */
export function loadEngine({ onSlower } = {}) {
  if (!loading) {
    loading = loadEngineInstance({ onSlower }).then((engine) => new Api(engine));
    loading.catch(() => { loading = null; }); // a retry button may try again
  }
  return loading;
}

/**
 * The simple page's engine (legacy.html): js/legacy/engine-loader.js, a classic script, picks the
 * no-modules WebAssembly build or the pure-JS build by trying. Same Api as the main page;
 * `onSlower` is called before the slower pure-JS build is fetched.
 */
export function loadNoModulesEngine(onSlower) {
  return window.yibaoLoadEngine(onSlower).then((engine) => new Api(engine));
}

/** An engine error as the page shows it; any other throw becomes a generic one. */
export function asEngineError(e) {
  if (e && typeof e.code === "string") {
    return { code: e.code, path: e.path || "", en: e.message, zh: e.messageZh || e.message };
  }
  return { code: "INTERNAL", path: "", en: String(e && e.message ? e.message : e), zh: String(e && e.message ? e.message : e) };
}

class Api {
  constructor(engine) {
    this.engine = engine;
    this.memo = new Map();
  }

  cached(key, fn) {
    if (!this.memo.has(key)) this.memo.set(key, fn());
    return this.memo.get(key);
  }

  regions() { return this.cached("regions", () => this.engine.regions()); }
  places() { return this.cached("places", () => this.engine.places()); }

  /** The region's list on a date, or [] when the date is not (yet) a valid one. */
  diseases(region, date) {
    if (!region || !/^\d{4}-\d{2}-\d{2}$/.test(date || "")) return [];
    return this.cached(`d:${region}:${date}`, () => {
      try { return this.engine.diseases(region, date); } catch (e) { return []; }
    });
  }

  /** Every disease any loaded region lists on the date, for "my disease is not listed". */
  allDiseases(date) {
    const seen = new Map();
    for (const r of this.regions()) for (const d of this.diseases(r.code, date)) if (!seen.has(d.id)) seen.set(d.id, d);
    return [...seen.values()];
  }

  catalogue(place) {
    if (!/^\d{6}$/.test(place || "")) return null;
    return this.cached(`c:${place}`, () => {
      try { return this.engine.catalogue(place); } catch (e) { return null; }
    });
  }

  /** { ok: true, value } or { ok: false, error } — the page never lets a throw escape. */
  attempt(method, arg) {
    try {
      return { ok: true, value: this.engine[method](requestText(arg)) };
    } catch (e) {
      return { ok: false, error: asEngineError(e) };
    }
  }

  estimate(request) { return this.attempt("estimate", request); }
  checkEligibility(request) { return this.attempt("checkEligibility", request); }
  nationalFields(request) { return this.attempt("nationalFields", request); }
}
