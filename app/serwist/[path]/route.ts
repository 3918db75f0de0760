import { createSerwistRoute } from "@serwist/turbopack";

// Serves /serwist/sw.js: app/sw.ts bundled by esbuild at build time, with the precache manifest injected: every
// file under .next/static and public/ (the offline page, public/offline.html, among them), each with its revision.

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  // Source maps are for debugging, not for offline use.
  globIgnores: ["**/*.map"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
