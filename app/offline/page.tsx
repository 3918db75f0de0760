import type { Metadata } from "next";
import { connection } from "next/server";
import { RetryButton } from "./retry-button";

export const metadata: Metadata = { title: "Offline" };

/**
 * Shown by the service worker, with no connection, for any page not opened on this device before.
 * Precached at install, so it needs nothing from the network.
 */
export default async function OfflinePage() {
  // Rendered per request so its scripts carry the CSP nonce of the response they come with (the cached copy keeps both).
  await connection();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-12 text-center">
      <p className="mb-8 text-2xl font-semibold tracking-tight">Atelier</p>
      <h1 className="text-xl font-semibold">You're offline</h1>
      <p className="mt-3 text-muted">
        This page hasn't been opened on this device yet, so there is no copy of it to show. Pages you have opened — your
        library and the assets you looked at — still work offline.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <a href="/assets" className="rounded-md bg-accent px-4 py-2 text-accent-fg">
          Open the library
        </a>
        <RetryButton />
      </div>
    </main>
  );
}
