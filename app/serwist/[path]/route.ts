import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";

// Serves /serwist/sw.js: app/sw.ts bundled by esbuild at build time, with the precache manifest (every file under
// .next/static and public/) injected. The offline page is precached too, versioned by the commit it was built from.
const revision = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf-8" }).stdout?.trim() || randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision }],
  // Source maps are for debugging, not for offline use.
  globIgnores: ["**/*.map"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
