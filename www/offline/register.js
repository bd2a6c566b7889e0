// Registers the offline worker (sw.js, written by scripts/dist.mjs) where the browser allows one.
// scripts/dist.mjs adds this script, async, to the built index.html only: www/ served as it is
// (development) has no worker, so nothing stale is ever served from a cache there. It waits for
// the load event and an idle moment, so the worker's install never competes with the first
// estimate. A web-view without service workers (iOS WKWebView outside app-bound domains, as in
// mini-programs) skips it: the year-long caching of the hashed files does the work there.
(function () {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  function register() {
    navigator.serviceWorker.register("sw.js", { scope: "./" }).catch(function () {
      // Refused (a policy, a private mode, a blocked script): the page works as before.
    });
  }
  function soon() {
    if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  }
  if (document.readyState === "complete") soon();
  else window.addEventListener("load", soon);
})();
