// The service worker: keeps the app's own files (never the ledger, which is in IndexedDB) so Duebook opens
// offline. The build stamps BUILD (a hash of the files in SHELL) when it copies this file to the site, so each
// build is a new worker with a cache of its own. The browser installs it in the background while the old version
// runs; the page asks it to take over once the page has loaded all it needs (index.html), and it serves every
// load after that. Old caches are deleted then; IndexedDB is not touched.
const BUILD = "@DUEBOOK_BUILD@";
const SHELL = [@DUEBOOK_SHELL@];
const CACHE = "duebook-app-" + BUILD;

self.addEventListener("install", (event) => {
  // Fetched past the HTTP cache, so the stored files are the ones this build's hash was taken of.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((f) => new Request(f, {cache: "reload"})))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("duebook-app-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

// Cache first for the app's files (all from this build's cache, so a page never mixes two versions); anything
// else goes to the network as if there were no worker.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url), scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const name = url.pathname.slice(scope.pathname.length) || "index.html";
  if (!SHELL.includes(name)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(name)).then((hit) => hit || fetch(request)));
});
