// The one engine of the page: the wasm is fetched and compiled once, one Engine is made, and the
// pickers' data is memoised, since every keystroke recomputes.

const VENDOR = "../vendor/yibao-policy/yibao_policy.js";

let loading = null;

/** Resolves to an Api, or rejects with the reason the engine could not start. */
export function loadEngine() {
  if (!loading) {
    loading = (async () => {
      const mod = await import(VENDOR);
      await mod.default();
      return new Api(mod.Engine.withDefaults());
    })();
    loading.catch(() => { loading = null; }); // a retry button may try again
  }
  return loading;
}

/**
 * The simple page's engine (legacy.html): the no-modules build's global wasm_bindgen, for
 * webviews without ES modules. Same Api as the main page.
 */
export function loadNoModulesEngine(wasmPath) {
  // The no-modules glue declares a global binding, not a window property.
  return wasm_bindgen({ module_or_path: wasmPath }).then(() => new Api(wasm_bindgen.Engine.withDefaults()));
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
      return { ok: true, value: this.engine[method](arg) };
    } catch (e) {
      return { ok: false, error: asEngineError(e) };
    }
  }

  estimate(request) { return this.attempt("estimate", request); }
  checkEligibility(request) { return this.attempt("checkEligibility", request); }
  nationalFields(request) { return this.attempt("nationalFields", request); }
}
