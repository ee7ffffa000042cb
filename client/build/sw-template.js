// Zielmonitor service worker. After one visit the dashboard keeps working when the network drops
// (session mode on a projector laptop, congested Wi-Fi): every page of the build is cached when the
// worker installs, and each API answer the dashboard reads is kept, marked with when it was stored.
// The build writes this file with its own id and file list (client/build/sw-plugin.ts): a new
// release is a new worker with new caches, the old ones are deleted, and a new worker waits until
// the reader chooses "neu laden", so a page never mixes two releases.
const BUILD = '__ZM_BUILD__';
const PRECACHE = __ZM_PRECACHE__;
const SHELL = `zielmonitor-shell-${BUILD}`;
const DATA = `zielmonitor-data-${BUILD}`;
// A network that does not answer within this is treated as gone when a stored answer exists.
const PATIENCE_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      // The first worker takes over at once; a later one waits for the reader's "neu laden".
      .then(() => (self.registration.active ? undefined : self.skipWaiting())),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== SHELL && key !== DATA).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

const storable = (url) =>
  url.pathname.startsWith('/api/') && !/^\/api\/(auth|export|import|feeds|docs)\b/.test(url.pathname);

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'activate') self.skipWaiting();
  // The answers a page read before this worker controlled it (the very first visit), stored now.
  if (message.type === 'store' && Array.isArray(message.urls)) {
    event.waitUntil(
      caches.open(DATA).then((cache) =>
        Promise.all(
          message.urls
            .map((href) => new URL(href, self.location.origin))
            .filter((url) => url.origin === self.location.origin && storable(url))
            .map((url) =>
              cache.match(url.href).then((hit) => hit ?? fetch(url.href).then((r) => keep(cache, url.href, r))),
            ),
        ).catch(() => undefined),
      ),
    );
  }
});

const cacheable = (response) => response.ok && !(response.headers.get('cache-control') ?? '').includes('no-store');

/** Stores a copy of an answer with the moment it was stored, which the dashboard shows offline. */
async function keep(cache, key, response) {
  if (!cacheable(response)) return response;
  const headers = new Headers(response.headers);
  headers.set('x-zielmonitor-stored', new Date().toISOString());
  const body = await response.clone().arrayBuffer();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  return response;
}

const later = (ms) => new Promise((resolve) => setTimeout(() => resolve(null), ms));

// Offline with nothing stored for this request: said as such, at once, so the page does not wait
// for retries; the dashboard words it in the reader's language.
const nothingStored = () =>
  new Response(JSON.stringify({ error: { code: 'OFFLINE', message: 'offline' } }), {
    status: 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-zielmonitor-offline': '1' },
  });

async function networkFirst(request) {
  const cache = await caches.open(DATA);
  const network = fetch(request).then((response) => keep(cache, request, response));
  const stored = await cache.match(request);
  if (!stored) return network.catch(nothingStored);
  const first = await Promise.race([network.catch(() => null), later(PATIENCE_MS)]);
  return first ?? stored;
}

// Pages: this build's shell, so that a page and its scripts are always of one release; a newer
// release is offered by the "neu laden" prompt once its worker has installed.
async function page(request) {
  const shell = await caches.match('/', { cacheName: SHELL });
  return shell ?? fetch(request);
}

async function asset(request) {
  const hit = await caches.match(request, { cacheName: SHELL });
  if (hit) return hit;
  const response = await fetch(request);
  if (cacheable(response)) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (storable(url)) event.respondWith(networkFirst(request));
});
