"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { createProjectSchema } from "@/app/api/projects/schema";
import { ApiError, api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { centsToDollars, dollarsToCents } from "@/lib/shared/money";
import { Field } from "./field";

type Initial = { id: string; name: string; description: string | null; budgetCents: string | null };

/** Create or edit a project. The budget is typed in dollars and sent as exact cents. */
export function ProjectForm({ initial }: { initial?: Initial }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const budget = String(form.get("budget") ?? "")
      .trim()
      .replace(/^\$/, "");
    const fieldErrors: Record<string, string> = {};
    const budgetCents = budget === "" ? null : dollarsToCents(budget);
    if (budget !== "" && budgetCents == null) fieldErrors.budgetCents = "Enter an amount in dollars, like 25 or 12.50.";
    const body = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || null,
      budgetCents,
    };
    const parsed = createProjectSchema.safeParse(body);
    if (!parsed.success) for (const i of parsed.error.issues) fieldErrors[i.path.join(".")] ??= i.message;
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length > 0) return;
    setPending(true);
    try {
      const project = await api<{ id: string }>(initial ? `/api/projects/${initial.id}` : "/api/projects", {
        method: initial ? "PUT" : "POST",
        body,
      });
      router.push(`/projects/${project.id}`);
      router.refresh();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError("UNKNOWN", "Something went wrong.", 0);
      const byField = apiError.fieldErrors();
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(apiError.message);
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-lg space-y-4" aria-busy={pending}>
      {formError ? (
        <p role="alert" className="rounded-md border border-danger px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <Field label="Name" name="name" required maxLength={120} defaultValue={initial?.name} error={errors.name} />
      <Field
        label="Description"
        name="description"
        multiline
        maxLength={2000}
        defaultValue={initial?.description ?? ""}
        error={errors.description}
      />
      <Field
        label="Budget (USD)"
        name="budget"
        inputMode="decimal"
        placeholder="No budget"
        defaultValue={initial?.budgetCents != null ? centsToDollars(initial.budgetCents) : ""}
        hint="Generations that would go over it are refused. Leave empty for no limit."
        error={errors.budgetCents}
      />
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={pending || !hydrated}
          className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
        >
          {pending ? "Saving…" : initial ? "Save changes" : "Create project"}
        </button>
        <button type="button" onClick={() => router.back()} className="rounded-md border border-border px-4 py-2">
          Cancel
        </button>
      </div>
    </form>
  );
}
