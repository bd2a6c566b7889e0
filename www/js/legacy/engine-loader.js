// The simple page's engine, decided by trying, never by the user agent (as js/engine-loader.js
// does for the main page): the no-modules WebAssembly build where this page can compile
// WebAssembly, else the pure-JS build, a classic script defining `yibaoPolicyJs`, fetched only
// then. A classic ES5 script itself, so that it runs wherever the simple page does.
//   yibaoLoadEngine(onSlower) → a Promise of Engine.withDefaults() of whichever build runs here;
//   onSlower() is called before the (slower) pure-JS build is fetched
(function () {
  "use strict";
  var WASM_FILE = "vendor/yibao-policy/no-modules/yibao_policy_bg.wasm";
  var JS_ENGINE = "vendor/yibao-policy/js/yibao_policy.global.js";
  // The main page's probe (js/engine-loader.js): one function taking an externref.
  var PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11];

  function wasmRuns() {
    // The no-modules glue needs fetch and async functions; where its script did not run, the
    // global is missing and the pure-JS build is the way.
    if (typeof WebAssembly !== "object" || typeof fetch !== "function" || typeof wasm_bindgen !== "function") {
      return Promise.resolve(false);
    }
    try {
      return WebAssembly.compile(new Uint8Array(PROBE))
        .then(function (module) { return WebAssembly.instantiate(module, {}); })
        .then(function () { return true; }, function () { return false; });
    } catch (e) {
      return Promise.resolve(false);
    }
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  function jsEngine(onSlower) {
    if (onSlower) onSlower();
    return script(JS_ENGINE).then(function () { return window.yibaoPolicyJs.Engine.withDefaults(); });
  }

  window.yibaoLoadEngine = function (onSlower) {
    return wasmRuns().then(function (runs) {
      if (!runs) return jsEngine(onSlower);
      // A failed download is not cured by the pure-JS build: it is reported (the page says to
      // try again). Anything after it — compiling, starting — falls back.
      return fetch(WASM_FILE).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + WASM_FILE);
        return wasm_bindgen({ module_or_path: response })
          .then(function () { return wasm_bindgen.Engine.withDefaults(); })
          .catch(function () { return jsEngine(onSlower); });
      });
    });
  };
})();
