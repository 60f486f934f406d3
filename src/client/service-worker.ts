/**
 * The site's service worker, bundled into `<base>sw.js` after the build (src/integrations/offline.ts),
 * which puts the precache manifest before it as `self.CDE_PRECACHE`. It:
 * - on install, stores every precached URL of its build in a cache named for the build version;
 * - answers requests for those URLs from that cache only, so pages and their styles, scripts and
 *   diagrams always come from one build; other requests go to the network;
 * - answers a navigation with the cached 404 page when offline, or when the server's own answer
 *   to a missing page is not a page;
 * - waits, when it replaces an older worker, until a page asks it to take over (the reader
 *   chose "Reload"), then deletes the other versions' caches.
 */
import {
  cacheName,
  cachesToDelete,
  OFFLINE_FALLBACK,
  precacheKey,
  SKIP_WAITING,
  wantsNotFoundPage,
} from './sw-core.ts';

// The few service-worker types used here; the project's TypeScript lib is the DOM's, not the worker's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends Event {
  data: unknown;
}
interface WorkerScope {
  CDE_PRECACHE: { version: string; urls: string[] };
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

const worker = self as unknown as WorkerScope;
const { version, urls } = worker.CDE_PRECACHE;
const current = cacheName(version);
const known = new Set(urls);
const scope = worker.registration.scope;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(current);
      // Straight from the server, never from the HTTP cache, so the whole set is this build's.
      await cache.addAll(urls.map((url) => new Request(new URL(url, scope), { cache: 'reload' })));
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(cachesToDelete(await caches.keys(), current).map((key) => caches.delete(key)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const navigation = request.mode === 'navigate';
  const key = precacheKey(request.url, scope, known, navigation);
  if (key === undefined && !navigation) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(current);
      if (key !== undefined) {
        const cached = await cache.match(new URL(key, scope).href);
        if (cached) return cached;
      }
      const notFoundPage = async (): Promise<Response | undefined> => {
        const page = navigation ? await cache.match(new URL(OFFLINE_FALLBACK, scope).href) : undefined;
        return page && new Response(page.body, { status: 404, statusText: 'Not Found', headers: page.headers });
      };
      let response: Response;
      try {
        response = await fetch(request);
      } catch (error) {
        const fallback = await notFoundPage();
        if (!fallback) throw error;
        return fallback;
      }
      // A missing page the server answers without a page of its own gets the site's.
      if (navigation && wantsNotFoundPage(response.status, response.headers.get('content-type'))) {
        return (await notFoundPage()) ?? response;
      }
      return response;
    })(),
  );
});
