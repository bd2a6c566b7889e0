// The offline worker. scripts/dist.mjs writes it to dist/sw.js with this build's precache list
// (the page and every file it needs, under their content-hashed names): a new build changes this
// file, so the browser installs a new worker, which caches the new files, takes over and deletes
// the old caches. After one visit the page opens, and estimates, with no network at all.
//
// Health data never leaves the device and never enters a cache: a person's answers live in the
// page URL's fragment, which no request carries (older links put them in the query string; the
// page moves them into the fragment). A navigation to the page, whatever its query, is answered
// with the cached page, so an old link's answers are not even sent to the host. Only this
// build's files enter the cache, under their own query-less URLs — the precache list at install,
// and the ON_USE files (the year view, the pure-JS engine: too large to download on every first
// visit) when a page first loads them — and nothing is logged.
const VERSION = "__VERSION__";
const PRECACHE = ["__PRECACHE__"];
const ON_USE = ["__ON_USE__"];
const CACHE = `yibao-policy-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL("index.html", SCOPE).href;
const ON_USE_URLS = new Set(ON_USE.map((path) => new URL(path, SCOPE).href));

// What the page hands over (js/engine-loader.js): its own copy of the engine's .wasm, stored once
// it had downloaded it, so that the install below need not download it again where the browser
// has no HTTP cache to share with the worker (private browsing, WebKit under automation).
// Deleted on activation with the older caches (its name has the same prefix).
const HANDOVER = "yibao-policy-handover";

self.addEventListener("install", (event) => {
  // The page is revalidated (no-cache); the hashed files may come from the page's hand-over or
  // the HTTP cache as they are. All are fetched before any is stored, so that a failed download
  // leaves no half-filled cache behind (as cache.addAll).
  const responses = PRECACHE.map((path) => {
    const url = new URL(path, SCOPE).href;
    const request = new Request(url, { cache: url === PAGE ? "no-cache" : "default" });
    const download = () => fetch(request).then((response) => {
      if (!response.ok) throw new TypeError(`HTTP ${response.status} for ${url}`);
      return response;
    });
    const handed = url === PAGE ? Promise.resolve(null) : caches.match(url, { cacheName: HANDOVER }).catch(() => null);
    return handed.then((hit) => hit || download()).then((response) => [url, response]);
  });
  event.waitUntil(
    Promise.all(responses)
      .then((all) => caches.open(CACHE).then((cache) => Promise.all(all.map(([url, response]) => cache.put(url, response)))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yibao-policy-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// caches.match, not caches.open: opening would re-create this worker's cache after a newer
// worker deleted it, while this one still answers a page's last requests.
function fromCache(request) {
  return caches.match(request, { cacheName: CACHE, ignoreVary: true });
}

function isPage(url) {
  return url.origin === SCOPE.origin && (url.pathname === SCOPE.pathname || url.href.split(/[?#]/)[0] === PAGE);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate") {
    // The page, whatever its query: from the cache, else the network. Other pages (legacy.html): the network.
    if (!isPage(url)) return;
    event.respondWith(fromCache(PAGE).then((hit) => hit || fetch(request)));
    return;
  }
  if (url.origin !== SCOPE.origin || url.search) return;
  // A cached file, else the network (an ON_USE file the first time, or a file of an older build
  // a page still asks for).
  event.respondWith(fromCache(request).then((hit) => hit || (ON_USE_URLS.has(url.href) ? fetchAndKeep(request) : fetch(request))));
});

// The URL is this build's hashed name, without query or fragment (checked above): nothing of
// the person's answers. A failed put (storage full) only means it is fetched again next time.
function fetchAndKeep(request) {
  return fetch(request).then((response) => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      caches.keys().then((keys) => (keys.includes(CACHE) ? caches.open(CACHE).then((cache) => cache.put(request.url, copy)) : null)).catch(() => {});
    }
    return response;
  });
}
