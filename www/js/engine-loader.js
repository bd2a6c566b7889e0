// Which engine this browser runs, decided by trying, never by the user agent: the WebAssembly
// build where this page may compile WebAssembly, the pure-JS build (same API, same answers,
// slower) where WebAssembly is missing (iOS Lockdown Mode, locked-down web-views), refused by
// the page's CSP (Chrome < 97 and Safari < 16 do not know 'wasm-unsafe-eval'), older than the
// main .wasm needs, or the main module does not compile or start. The pure-JS build is fetched
// only then; a browser that runs WebAssembly loads nothing more than before.

// Paths relative to this module, which is also where scripts/build.sh's bundle vendor/app.js
// sits after "../": both resolve to www/vendor/.
const WASM_GLUE = "../vendor/yibao-policy/yibao_policy.js";
const JS_ENGINE = "../vendor/yibao-policy/js/yibao_policy.js";
// Relative to the page (www/index.html), as js/engine-early.js names it.
const WASM_FILE = "vendor/yibao-policy/yibao_policy_bg.wasm";

// A 25-byte module with one function taking an externref: it compiles only where WebAssembly
// exists, the page's CSP lets it compile, and reference types (the newest feature the main
// .wasm uses) are supported. js/engine-early.js runs the same bytes before any module.
export const PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11];

/** Resolves to true when this page can compile and instantiate WebAssembly; never rejects. */
export async function wasmRuns() {
  try {
    if (typeof WebAssembly !== "object") return false;
    const module = await WebAssembly.compile(new Uint8Array(PROBE));
    // Compiling is not enough: under a CSP without 'wasm-unsafe-eval' (what Chrome < 97 and
    // Safari < 16 enforce, not knowing it) engines refuse WebAssembly at different steps.
    // Chromium and Firefox refuse at compile; WebKit compiles the module and refuses only when it
    // is instantiated (tests/engines/ checks both in each engine). A probe that stopped at compile
    // would pass in WebKit, the main .wasm would be downloaded, and only then fail.
    await WebAssembly.instantiate(module, {});
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * The main build's glue and .wasm: the download js/engine-early.js started with the page's first
 * bytes (a result or year link; it ran the probe then), else one started now, at low priority so
 * that the page's own code keeps the line (a step page waits for its chunk). There is no
 * <link rel="preload"> for the .wasm: WebKit never hands a preload to fetch() and downloads the
 * file twice. A failed download rejects: the pure-JS build would not cure the network, so the
 * page offers a retry instead.
 */
async function wasmFiles(early) {
  const [glue, response] = await Promise.all([inlineGlue() || import(WASM_GLUE), early || fetch(WASM_FILE, { priority: "low" })]);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${WASM_FILE}`);
  return { glue, response: handOver(response) };
}

/** The download js/engine-early.js started, taken once (a retry after a failure fetches anew). */
function takeEarly() {
  const early = typeof self === "object" ? self.yibaoEngineEarly : null;
  if (early) self.yibaoEngineEarly = null;
  return early || null;
}

// The offline worker (offline/sw.js) precaches the .wasm when it installs, after the first
// estimate (offline/register.js). It usually finds the file in the HTTP cache, but not where
// there is none to share: an ephemeral session (private browsing, WebKit under automation) or a
// web-view that keeps no disk cache. So the page hands its own copy over: a clone of the response
// goes into the cache HANDOVER, under the file's hashed, query-less URL, which the worker's
// install takes instead of downloading the engine again, and deletes when it activates. Only
// where a worker can come (a secure context with service workers) and has not come yet (a page
// it controls got the engine from its cache); the tee'd body costs no download.
// `self.yibaoEngineKept` settles when the copy is stored (or could not be): register.js
// registers the worker only after that.
export const HANDOVER = "yibao-policy-handover";

function handOver(response) {
  const canKeep = typeof caches === "object" && typeof navigator === "object" && "serviceWorker" in navigator &&
    !navigator.serviceWorker.controller && self.isSecureContext && response.type === "basic" && !new URL(response.url).search;
  if (!canKeep) return response;
  const copy = response.clone();
  // Emptied first: one file at most waits there, whatever builds a page saw without a worker.
  self.yibaoEngineKept = caches.delete(HANDOVER).then(() => caches.open(HANDOVER)).then((cache) => cache.put(response.url, copy)).catch(() => {});
  return response;
}

// The built page (scripts/dist.mjs) carries the glue inline, as a module that runs before this one
// and leaves the glue's `default` and `call` here: its ≈2.6 KB brotli then travel with the page,
// in the round trip the preloads wait for, instead of after it on the phone profile
// (BENCHMARKS.md 3b). Anywhere else (www/ as it is) the glue is imported.
function inlineGlue() {
  return typeof self === "object" && self.yibaoPolicyGlue;
}

// The page's own .wasm has no Engine class: one entry point serves every call, `call(op, a, b)`
// (src/wasm/page.rs: one export instead of nine, each with its own shim; the first call makes its
// one engine, from tables compiled in); `op` is the call's index here. It answers with
// one string, the result's JSON text or `!` and the refusal's, thrown here as the package's Error
// (code, path, message, messageZh). The page gets the package's methods (estimate(text),
// diseases(region, date)…) from it, so js/engine.js sees the same Engine whichever build runs.
export const PAGE_CALLS = ["estimate", "checkEligibility", "estimateYear", "nationalFields", "regions", "places", "diseases", "catalogue"];

/** The page's build's engine (its glue) with the package's method names, answers and errors. */
export function named(glue) {
  const api = {};
  PAGE_CALLS.forEach((name, op) => {
    api[name] = (a, b) => {
      const text = glue.call(op, a, b);
      if (text[0] !== "!") return JSON.parse(text);
      const e = JSON.parse(text.slice(1));
      throw Object.assign(new Error(e.message.en), { name: "YibaoPolicyError", code: e.code, path: e.path, messageZh: e.message.zh });
    };
  });
  return api;
}

async function jsEngine() {
  const mod = await import(JS_ENGINE);
  return mod.Engine.withDefaults();
}

/**
 * Resolves to an Engine (`Engine.withDefaults()` of whichever build runs here; the page's own
 * .wasm's calls, named). `onSlower` is
 * called before the pure-JS build is fetched, so the page can say the first answer takes longer.
 */
export async function loadEngineInstance({ onSlower = () => {} } = {}) {
  // The probe first (a millisecond): an old browser must not download the .wasm for nothing.
  // In the built page js/engine-early.js has run it already (and may have started the download).
  const early = takeEarly();
  const probed = typeof self === "object" ? self.yibaoWasmRuns : undefined;
  if (early || (typeof probed === "boolean" ? probed : await wasmRuns())) {
    const { glue, response } = await wasmFiles(early);
    try {
      await glue.default({ module_or_path: response });
      return named(glue);
    } catch (e) {
      // It downloaded but did not compile or start here: the pure-JS build will.
    }
  }
  onSlower();
  return jsEngine();
}
