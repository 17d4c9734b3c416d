// Verdict's service worker: keeps the app usable on a flaky connection.
// Network first (so a new release is picked up as soon as the network answers), falling back to
// the last copy cached for same-origin GETs: the app shell, demo files and loaded task files.
// Judgments never pass through here: they live in IndexedDB and uploads are POSTs.
const CACHE = 'verdict-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (cached) return cached;
      throw offline;
    }
  })());
});
