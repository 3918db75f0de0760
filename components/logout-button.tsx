"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, isOffline } from "@/lib/client/api";
import { clearUserCaches } from "@/lib/shared/pwa";

export function LogoutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          // Offline the session could not be ended on the server: say so rather than pretend.
          if (isOffline()) {
            setNote("Logging out needs a connection.");
            return;
          }
          setNote(null);
          setPending(true);
          await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
          // What this device kept for offline use goes with the session.
          await clearUserCaches();
          router.replace("/login");
          router.refresh();
        }}
        className="rounded-md px-3 py-2 text-sm text-muted underline-offset-2 hover:underline"
      >
        {pending ? "Logging out…" : "Log out"}
      </button>
      {note ? (
        <span role="status" className="text-xs text-danger">
          {note}
        </span>
      ) : null}
    </>
  );
}
