// Verdict's service worker: keeps the app usable on a flaky connection.
// Network first (so a new release is picked up as soon as the network answers), falling back to
// the last copy cached for same-origin GETs: the app shell, demo files and loaded task files.
// Judgments never pass through here: they live in IndexedDB and uploads are POSTs.
const CACHE = 'verdict-v1';
// Larger responses (big task files) are not cached: the page streams them (first item before the
// end), and a cached copy would be a second one of hundreds of MB.
const CACHE_MAX_BYTES = 16 * 2 ** 20;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      const length = Number(response.headers.get('content-length') ?? 0);
      // Cached in the background: the page reads the response while it arrives.
      if (response.ok && length <= CACHE_MAX_BYTES) event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (cached) return cached;
      throw offline;
    }
  })());
});
