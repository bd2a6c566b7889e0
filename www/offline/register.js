// Registers the offline worker (sw.js, written by scripts/dist.mjs) where the browser allows one.
// scripts/dist.mjs adds this script to the built index.html only: www/ served as it is
// (development) has no worker, so nothing stale is ever served from a cache there.
// It waits until the engine has arrived (the page sets data-boot="ready" on <html> once its
// engine has started, js/main.js) and the page has handed its copy of the .wasm over
// (self.yibaoEngineKept, js/engine-loader.js), then for the load event and an idle moment. The
// worker's precache then takes the engine from the page (or the HTTP cache) instead of
// downloading it a second time on the slow network of a first visit, and its install never
// competes with the first estimate. (Waiting for the load event alone did not do that: a
// fetch() does not hold the load event back, so on a slow network the worker installed, and
// downloaded the engine, while the page's own download was still under way.)
// A web-view without service workers (iOS WKWebView outside app-bound domains, as in
// mini-programs) skips it: the year-long caching of the hashed files does the work there.
(function () {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var root = document.documentElement;
  var started = false;
  function register() {
    navigator.serviceWorker.register("sw.js", { scope: "./" })["catch"](function () {
      // Refused (a policy, a private mode, a blocked script): the page works as before.
    });
  }
  function soon() {
    if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  }
  function afterLoad() {
    if (document.readyState === "complete") soon();
    else window.addEventListener("load", soon);
  }
  function engineHere() {
    if (started || root.getAttribute("data-boot") !== "ready") return;
    started = true;
    observer.disconnect();
    Promise.resolve(self.yibaoEngineKept).then(afterLoad, afterLoad);
  }
  // A failed engine download (data-boot="failed") registers nothing; its retry, once it
  // succeeds, does.
  var observer = new MutationObserver(engineHere);
  observer.observe(root, { attributes: true, attributeFilter: ["data-boot"] });
  engineHere();
})();
