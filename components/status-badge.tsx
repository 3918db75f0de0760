const STYLES: Record<string, string> = {
  working: "border-green-700 text-green-800 dark:border-green-400 dark:text-green-300",
  failing: "border-danger text-danger",
  unknown: "border-border text-muted",
  none: "border-border text-muted",
};
const LABELS: Record<string, string> = {
  working: "Working",
  failing: "Failing",
  unknown: "Not checked",
  none: "No key",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.unknown}`}
    >
      {LABELS[status] ?? status}
    </span>
  );
}
