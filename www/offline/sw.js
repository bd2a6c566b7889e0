// The offline worker. scripts/dist.mjs writes it to dist/sw.js with this build's precache list
// (the page and every file it needs, under their content-hashed names): a new build changes this
// file, so the browser installs a new worker, which caches the new files, takes over and deletes
// the old caches. After one visit the page opens, and estimates, with no network at all.
//
// Health data never leaves the device and never enters a cache: a person's answers live in the
// page URL's query string or fragment. A navigation to the page is answered with the cached page
// (its query ignored, so the answers are not even sent to the host), nothing is put in a cache at
// run time — only the fixed list below, at install — and nothing is logged.
const VERSION = "__VERSION__";
const PRECACHE = ["__PRECACHE__"];
const CACHE = `yibao-policy-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  // The page is revalidated (no-cache); the hashed files may come from the HTTP cache as they are.
  const requests = PRECACHE.map((path) => {
    const url = new URL(path, SCOPE).href;
    return new Request(url, { cache: url === PAGE ? "no-cache" : "default" });
  });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
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
  // A precached file, else the network (a file of an older build a page still asks for).
  event.respondWith(fromCache(request).then((hit) => hit || fetch(request)));
});
