/// <reference lib="webworker" />
// The service worker, bundled by esbuild into /serwist/sw.js (app/serwist/[path]/route.ts). What it keeps:
// - the app shell: every file under .next/static and public/, the offline page among them (precached, versioned);
// - pages the user has opened (HTML), network first, so a reload offline shows what was seen;
// - API answers the pages read (asset lists, asset details, projects…), network first;
// - asset files and thumbnails the user has seen, cache first (an asset's bytes never change).
// Everything else — and every POST/PUT/DELETE — goes to the network untouched; offline, a page never opened falls
// back to the precached public/offline.html. A new version waits until the page asks it to take over
// (components/pwa.tsx).
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  type PrecacheEntry,
  RangeRequestsPlugin,
  type RouteMatchCallbackOptions,
  Serwist,
  type SerwistGlobalConfig,
} from "serwist";
import { USER_CACHES } from "@/lib/shared/pwa";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const DAY = 24 * 60 * 60;
const ASSET_FILE = /^\/api\/assets\/[0-9a-f-]{36}\/file$/i;
// Never cached: liveness, sign-in/out, provider callbacks, the service worker itself.
const NEVER = [/^\/api\/health/, /^\/api\/auth\//, /^\/api\/webhooks\//];
const NOT_PAGES = /^\/(?:api|_next|serwist)\//;
// Signed-out pages are of no use offline (signing in needs the server).
const PUBLIC_PAGES = new Set(["/login", "/signup"]);

const sameOriginGet = ({ url, request }: RouteMatchCallbackOptions) =>
  url.origin === self.location.origin && request.method === "GET";

/** Only complete answers are kept: no errors, no redirects, no partial (206) content. */
const okOnly = () => new CacheableResponsePlugin({ statuses: [200] });

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: (o) => sameOriginGet(o) && ASSET_FILE.test(o.url.pathname),
      handler: new CacheFirst({
        cacheName: USER_CACHES.files,
        plugins: [
          okOnly(),
          new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 60 * DAY, purgeOnQuotaError: true }),
          new RangeRequestsPlugin(),
        ],
      }),
    },
    {
      matcher: (o) =>
        sameOriginGet(o) && o.url.pathname.startsWith("/api/") && !NEVER.some((re) => re.test(o.url.pathname)),
      handler: new NetworkFirst({
        cacheName: USER_CACHES.api,
        networkTimeoutSeconds: 8,
        plugins: [
          okOnly(),
          new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true }),
        ],
      }),
    },
    {
      // Full HTML of a page (a navigation, or a URL the page asked us to keep after a client-side navigation);
      // React Server Component payloads (header RSC: 1) are left to the network — offline, the router falls back
      // to a full navigation, which lands here.
      matcher: (o) =>
        sameOriginGet(o) &&
        !NOT_PAGES.test(o.url.pathname) &&
        !PUBLIC_PAGES.has(o.url.pathname) &&
        !/\.[a-z0-9]+$/i.test(o.url.pathname) &&
        o.request.headers.get("RSC") !== "1" &&
        !o.url.searchParams.has("_rsc"),
      handler: new NetworkFirst({
        cacheName: USER_CACHES.pages,
        networkTimeoutSeconds: 10,
        plugins: [
          okOnly(),
          new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true }),
        ],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline.html", matcher: ({ request }) => request.mode === "navigate" }],
  },
});

serwist.addEventListeners();
