/**
 * Names shared by the service worker (app/sw.ts) and the page: the caches that hold the signed-in user's own data
 * (pages, API answers, asset files). They are emptied at sign-in and sign-out so one person's library never shows
 * to the next person on the same device.
 */
export const USER_CACHES = {
  pages: "atelier-pages",
  api: "atelier-api",
  files: "atelier-files",
} as const;

export const SW_URL = "/serwist/sw.js";

/** Deletes every cache holding user data (no-op where the Cache API is missing, e.g. an insecure origin). */
export async function clearUserCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all(Object.values(USER_CACHES).map((name) => caches.delete(name).catch(() => false)));
}

/** After a delete: the asset's file, thumbnail, details and page leave this device's offline copy too. */
export async function forgetAssetOffline(id: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const drops: [string, string][] = [
    [USER_CACHES.files, `/api/assets/${id}/file`],
    [USER_CACHES.api, `/api/assets/${id}`],
    [USER_CACHES.pages, `/assets/${id}`],
  ];
  await Promise.all(
    drops.map(async ([name, url]) => {
      const cache = await caches.open(name).catch(() => null);
      await cache?.delete(url, { ignoreSearch: true }).catch(() => false);
    }),
  );
}
