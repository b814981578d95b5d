// Comeback's service worker: makes the app work offline after the first visit.
// It only ever fetches the site's own files; it never sends anything anywhere else.
// Trunk gives assets hashed names, so on install we read index.html to learn them.
const CACHE = 'comeback-v1';
const SCOPE = self.registration ? self.registration.scope : './';

async function precache() {
  const cache = await caches.open(CACHE);
  const indexUrl = new URL('./', SCOPE).href;
  const res = await fetch(indexUrl, { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put(indexUrl, res);
  const urls = new Set(['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png']);
  for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
    const u = new URL(m[1], indexUrl);
    if (u.origin === location.origin) urls.add(u.href);
  }
  // The wasm and JS are also named inside the inline loader script.
  for (const m of html.matchAll(/['"]([^'"]+\.(?:wasm|js|css))['"]/g)) {
    const u = new URL(m[1], indexUrl);
    if (u.origin === location.origin) urls.add(u.href);
  }
  await Promise.all([...urls].map(async (u) => {
    try {
      const r = await fetch(new URL(u, indexUrl), { cache: 'no-cache' });
      if (r.ok) await cache.put(new URL(u, indexUrl).href, r);
    } catch (_) { /* a missing optional file must not stop the install */ }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // Fresh page when online, the cached one when offline.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) {
          cache.put(new URL('./', SCOPE).href, res.clone());
          // A new index names new hashed files: cache them for next time.
          precache().catch(() => {});
        }
        return res;
      } catch (_) {
        return (await cache.match(new URL('./', SCOPE).href)) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) cache.put(req, res.clone());
    return res;
  })());
});
