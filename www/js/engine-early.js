// A classic script at the top of the page (inline in the built page, allowed by its hash): on a
// link that opens on an estimate (a result or the year view), start downloading the engine's
// .wasm with the page's first bytes, as the <link rel="preload"> did, but through the fetch()
// whose response js/engine-loader.js compiles. A preload is matched to that fetch by Chromium and
// Firefox only: WebKit (every iOS browser, WeChat on iOS) never uses it ("preloaded using link
// preload but not used within a few seconds") and downloads the engine a second time.
// Other pages start it from the loader, after their first screen: the home, the guide and the
// steps show nothing of the engine's, and the wasm would share a slow line with their own code.
// Where WebAssembly cannot run (the probe below, as in js/engine-loader.js), nothing is fetched:
// the page then loads the pure-JS engine, and an old phone no longer downloads the .wasm for nothing.
// ES5: it runs before anything else, in every browser that gets this page.
(function () {
  // The loader's probe (PROBE in js/engine-loader.js; tests/js checks the two are the same
  // bytes), compiled and instantiated synchronously: 25 bytes are within every engine's limit
  // for a synchronous compile on the main thread. Instantiated, not only compiled: WebKit lets a
  // refused module compile under the page's CSP and refuses it only at instantiation. The answer
  // is left for the loader (self.yibaoWasmRuns), which then does not probe again.
  var runs = false;
  try {
    var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11]);
    new WebAssembly.Instance(new WebAssembly.Module(probe), {});
    runs = true;
  } catch (e) {
    // no WebAssembly, refused by the CSP, or no reference types: the pure-JS engine
  }
  self.yibaoWasmRuns = runs;
  var where = location.hash.replace(/^#/, "&") + location.search.replace(/^\?/, "&");
  // The home and the guide are drawn by a chunk of their own (js/screens.js; the built page names
  // its bundled file, scripts/dist.mjs), which the steps need too (their chunk comes with it): asked
  // for now, beside the page's own bytes, it costs them no round trip after the page. A result link
  // (or the year view) never loads it before its estimate.
  var estimate = /&p=(result|year)(&|$)/.test(where);
  if (!estimate) {
    var link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = "js/screens.js";
    document.head.appendChild(link);
  }
  if (!runs || typeof fetch !== "function" || !estimate) return;
  // Low priority, as the preload was: the page's own code (the shared chunk) comes first.
  var response = fetch("vendor/yibao-policy/yibao_policy_bg.wasm", { priority: "low" });
  // Handled here so that a failed download is not reported before the loader takes it (the
  // loader reports it, with a retry).
  response["catch"](function () {});
  self.yibaoEngineEarly = response;
})();
