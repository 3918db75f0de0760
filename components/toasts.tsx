"use client";

import { useUiStore } from "@/lib/stores/ui-store";

const STYLE = {
  success: "border-green-700 dark:border-green-400",
  error: "border-danger",
  info: "border-border",
} as const;

/** Outcome toasts, announced politely to screen readers; above the bottom navigation on phones. */
export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismiss);
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex flex-col items-center gap-2 px-4 md:bottom-6 md:items-end"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === "error" ? "alert" : "status"}
          className={`pointer-events-auto flex max-w-sm items-start gap-3 rounded-lg border-l-4 bg-surface px-4 py-3 text-sm shadow-lg ${STYLE[t.kind]}`}
        >
          <p className="flex-1">{t.message}</p>
          <button type="button" onClick={() => dismiss(t.id)} aria-label="Dismiss" className="text-muted">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
