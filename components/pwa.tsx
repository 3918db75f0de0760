"use client";

import { SerwistProvider, useSerwist } from "@serwist/turbopack/react";
import { useEffect, useState } from "react";
import { useOnline } from "@/lib/client/use-online";
import { SW_URL } from "@/lib/shared/pwa";

/**
 * Registers the service worker (production builds only), shows an "offline" banner while there is no connection,
 * and announces a new version of the app, which takes over when the user chooses to reload.
 * The page is never reloaded behind the user's back (a prompt being written would be lost).
 */
export function Pwa() {
  return (
    <SerwistProvider swUrl={SW_URL} disable={process.env.NODE_ENV !== "production"} reloadOnOnline={false}>
      <OfflineBanner />
      <UpdateBanner />
    </SerwistProvider>
  );
}

const banner =
  "fixed inset-x-0 top-0 z-50 flex flex-wrap items-center justify-center gap-x-3 gap-y-1 px-4 py-2 text-center text-sm shadow";

function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" data-testid="offline-indicator" className={`${banner} bg-amber-100 text-amber-950`}>
      <strong>Offline.</strong>
      <span>You can browse what you opened before; generating and changes need a connection.</span>
    </div>
  );
}

function UpdateBanner() {
  const { serwist } = useSerwist();
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!serwist) return;
    const onWaiting = () => setWaiting(true);
    serwist.addEventListener("waiting", onWaiting);
    // A version that was already waiting when this page loaded is announced too.
    void navigator.serviceWorker?.getRegistration().then((r) => {
      if (r?.waiting && r.active) setWaiting(true);
    });
    return () => serwist.removeEventListener("waiting", onWaiting);
  }, [serwist]);
  useEffect(() => {
    if (!waiting || !serwist) return;
    // Reloading (or leaving) the page applies the new version: the next page load is served by it.
    const apply = () => serwist.messageSkipWaiting();
    window.addEventListener("pagehide", apply);
    return () => window.removeEventListener("pagehide", apply);
  }, [waiting, serwist]);
  if (!waiting || !serwist) return null;
  return (
    <div role="status" data-testid="update-banner" className={`${banner} bg-indigo-700 text-white`}>
      <span>A new version of Atelier is ready.</span>
      <button
        type="button"
        className="rounded-md bg-white px-3 py-1 font-medium text-indigo-800"
        onClick={() => {
          serwist.addEventListener("controlling", () => window.location.reload());
          serwist.messageSkipWaiting();
        }}
      >
        Reload to update
      </button>
    </div>
  );
}
