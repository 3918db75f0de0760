"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { centsToDollars, dollarsToCents, formatUsd } from "@/lib/shared/money";

type ProjectBudget = {
  id: string;
  name: string;
  budgetCents: string | null;
  spentCents: string;
  alertThresholds: number[];
};

/** One project's budget and alert thresholds (percentages of the budget). */
function BudgetRow({ project }: { project: ProjectBudget }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const budget = String(data.get("budget") ?? "")
      .trim()
      .replace(/^\$/, "");
    const budgetCents = budget === "" ? null : dollarsToCents(budget);
    const thresholds = String(data.get("thresholds") ?? "")
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (budget !== "" && budgetCents == null) {
      setMessage({ kind: "error", text: "Enter the budget in dollars, like 25 or 12.50." });
      return;
    }
    if (thresholds.some((t) => !Number.isInteger(t) || t < 1 || t > 100)) {
      setMessage({ kind: "error", text: "Thresholds are whole percentages between 1 and 100, like 50, 80, 100." });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      await api(`/api/projects/${project.id}`, {
        method: "PUT",
        body: { budgetCents, alertThresholds: thresholds },
      });
      setMessage({ kind: "ok", text: "Saved." });
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof ApiError ? error.message : "Something went wrong." });
    } finally {
      setSaving(false);
    }
  }

  const id = project.id.slice(0, 8);
  return (
    <li className="rounded-xl border border-border bg-surface p-4">
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-40 flex-1">
          <p className="font-medium">{project.name}</p>
          <p className="text-sm text-muted">{formatUsd(project.spentCents)} spent</p>
        </div>
        <div>
          <label htmlFor={`budget-${id}`} className="block text-sm font-medium">
            Budget (USD)
          </label>
          <input
            id={`budget-${id}`}
            name="budget"
            inputMode="decimal"
            placeholder="No budget"
            defaultValue={project.budgetCents != null ? centsToDollars(project.budgetCents) : ""}
            className="mt-1 w-32 rounded-md border border-border bg-surface px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor={`thresholds-${id}`} className="block text-sm font-medium">
            Alerts at (%)
          </label>
          <input
            id={`thresholds-${id}`}
            name="thresholds"
            defaultValue={project.alertThresholds.join(", ")}
            className="mt-1 w-36 rounded-md border border-border bg-surface px-3 py-2"
          />
        </div>
        <button
          type="submit"
          disabled={saving || !hydrated}
          className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
          aria-label={`Save budget for ${project.name}`}
        >
          {saving ? "Saving…" : "Save"}
        </button>
        {message ? (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            className={`w-full text-sm ${message.kind === "error" ? "text-danger" : ""}`}
          >
            {message.text}
          </p>
        ) : null}
      </form>
    </li>
  );
}

export function BudgetsForm({ projects }: { projects: ProjectBudget[] }) {
  if (projects.length === 0) {
    return <p className="rounded-xl border border-dashed border-border p-6 text-center text-muted">No projects yet.</p>;
  }
  return (
    <ul className="space-y-3">
      {projects.map((p) => (
        <BudgetRow key={p.id} project={p} />
      ))}
    </ul>
  );
}
