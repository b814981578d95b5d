// Comeback's service worker: makes the app work offline after the first visit.
// It only ever fetches the site's own files; it never sends anything anywhere else.
//
// Every build writes its own file list into the line below (tools/postbuild.mjs, a trunk post_build
// hook), so each deploy is a new worker. It caches exactly that build's files in a cache named
// after the build, and on activation deletes every other cache of ours: the old hashed wasm and
// JavaScript do not stay behind. Without a list (the line left as it is) it caches nothing.
const BUILD = { id: 'unbuilt', files: [] };

const PREFIX = 'comeback-';
const CACHE = PREFIX + BUILD.id;
const scope = () => new URL(self.registration.scope);
const index = () => new URL('./', scope()).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (BUILD.files.length) {
      const cache = await caches.open(CACHE);
      // Straight from the server (no HTTP cache), so a file can never come from another build.
      await cache.addAll(BUILD.files.map((f) => new Request(new URL(f, scope()), { cache: 'no-cache' })));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      // Ours, from another build (or the single cache of the first versions, comeback-v1).
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // The page from the network when online (a newer build installs its own worker); offline, this
    // build's page, which names exactly the files cached beside it.
    event.respondWith((async () => {
      try {
        return await fetch(req);
      } catch (err) {
        const hit = await caches.match(index(), { cacheName: CACHE });
        if (hit) return hit;
        throw err;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const hit = await caches.match(req, { cacheName: CACHE });
    return hit || fetch(req);
  })());
});
