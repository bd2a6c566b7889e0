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
// Relative to the page (www/index.html), as the <link rel="preload"> that already fetches it.
const WASM_FILE = "vendor/yibao-policy/yibao_policy_bg.wasm";

// A 25-byte module with one function taking an externref: it compiles only where WebAssembly
// exists, the page's CSP lets it compile, and reference types (the newest feature the main
// .wasm uses) are supported.
export const PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11];

/** Resolves to true when this page can compile and instantiate WebAssembly; never rejects. */
export async function wasmRuns() {
  try {
    if (typeof WebAssembly !== "object") return false;
    const module = await WebAssembly.compile(new Uint8Array(PROBE));
    await WebAssembly.instantiate(module, {});
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * The main build's glue and .wasm (the preloads in index.html are already fetching both). A
 * failed download rejects: the pure-JS build would not cure the network, so the page offers a
 * retry instead.
 */
async function wasmFiles() {
  const [glue, response] = await Promise.all([inlineGlue() || import(WASM_GLUE), fetch(WASM_FILE)]);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${WASM_FILE}`);
  return { glue, response };
}

// The built page (scripts/dist.mjs) carries the glue inline, as a module that runs before this one
// and leaves the glue's `default` and `Engine` here: its ≈2.6 KB brotli then travel with the page,
// in the round trip the preloads wait for, instead of after it on the phone profile
// (BENCHMARKS.md 3b). Anywhere else (www/ as it is) the glue is imported.
function inlineGlue() {
  return typeof self === "object" && self.yibaoPolicyGlue;
}

async function jsEngine() {
  const mod = await import(JS_ENGINE);
  return mod.Engine.withDefaults();
}

/**
 * Resolves to an Engine (`Engine.withDefaults()` of whichever build runs here). `onSlower` is
 * called before the pure-JS build is fetched, so the page can say the first answer takes longer.
 */
export async function loadEngineInstance({ onSlower = () => {} } = {}) {
  // The probe first (a millisecond): an old browser must not download the .wasm for nothing.
  if (await wasmRuns()) {
    const { glue, response } = await wasmFiles();
    try {
      await glue.default({ module_or_path: response });
      return glue.Engine.withDefaults();
    } catch (e) {
      // It downloaded but did not compile or start here: the pure-JS build will.
    }
  }
  onSlower();
  return jsEngine();
}
