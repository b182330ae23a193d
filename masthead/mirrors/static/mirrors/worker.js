// Keeps "How to reach us" on the reader's device and shows it when a page
// cannot be reached. Stores only /mirrors/, /mirrors.json and the stylesheet
// that page uses: no article, nothing about the reader.
const CACHE = "masthead-mirrors-v1";
const scope = self.registration.scope;
const MIRRORS_PAGE = new URL("mirrors/", scope).href;
const KEEP = [MIRRORS_PAGE, new URL("mirrors.json", scope).href];

async function keep() {
  const cache = await caches.open(CACHE);
  await cache.addAll(KEEP);
  const page = await (await cache.match(MIRRORS_PAGE)).text();
  const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)];
  await cache.addAll(sheets.map((m) => new URL(m[1], MIRRORS_PAGE).href));
}

self.addEventListener("install", (event) => {
  event.waitUntil(keep().then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(MIRRORS_PAGE)) || Response.error()),
    );
  } else if (KEEP.includes(request.url) || request.destination === "style") {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(request)) || Response.error()),
    );
  }
});
