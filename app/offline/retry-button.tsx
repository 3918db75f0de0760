"use client";

import { useEffect } from "react";

/** Tries the page again now, and by itself as soon as the connection is back. */
export function RetryButton() {
  useEffect(() => {
    const reload = () => window.location.reload();
    window.addEventListener("online", reload);
    return () => window.removeEventListener("online", reload);
  }, []);
  return (
    <button
      type="button"
      onClick={() => window.location.reload()}
      className="rounded-md border border-border px-4 py-2"
    >
      Try again
    </button>
  );
}
