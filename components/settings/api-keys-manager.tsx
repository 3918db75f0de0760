"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { addApiKeySchema } from "@/app/api/api-keys/schema";
import { ApiError, api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from "@/lib/shared/providers";
import { Field } from "../field";
import { StatusBadge } from "../status-badge";

type ApiKey = {
  id: string;
  provider: ProviderId;
  name: string;
  hint: string;
  status: string;
  statusMessage: string | null;
  lastUsedAt: string | null;
  lastCheckedAt: string | null;
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** Add a key (checked with the provider first), see masked hints and status, test again, delete. */
export function ApiKeysManager({ keys }: { keys: ApiKey[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failedCheck, setFailedCheck] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function submit(storeIfFailing: boolean) {
    if (!form.current) return;
    const data = new FormData(form.current);
    const body = {
      provider: String(data.get("provider")),
      name: String(data.get("name") ?? ""),
      key: String(data.get("key") ?? ""),
      storeIfFailing,
    };
    const parsed = addApiKeySchema.safeParse(body);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const i of parsed.error.issues) fieldErrors[i.path.join(".")] ??= i.message;
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    setNotice(null);
    setPending("add");
    try {
      await api("/api/api-keys", { method: "POST", body: parsed.data });
      form.current.reset();
      setFailedCheck(null);
      setNotice(storeIfFailing ? "Key saved, marked as failing." : "Key saved and working.");
      router.refresh();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError("UNKNOWN", "Something went wrong.", 0);
      if (e.code === "KEY_CHECK_FAILED") setFailedCheck(e.message);
      else {
        const byField = e.fieldErrors();
        setErrors(Object.keys(byField).length ? byField : { form: e.message });
      }
    } finally {
      setPending(null);
    }
  }

  async function act(id: string, action: "test" | "delete") {
    if (action === "delete" && !window.confirm("Delete this key? Generations will stop using it.")) return;
    setPending(`${action}:${id}`);
    setNotice(null);
    try {
      if (action === "test") {
        const result = await api<ApiKey>(`/api/api-keys/${id}/test`, { method: "POST" });
        setNotice(result.statusMessage ?? "Checked.");
      } else {
        await api(`/api/api-keys/${id}`, { method: "DELETE" });
        setNotice("Key deleted.");
      }
      router.refresh();
    } catch (error) {
      setNotice(error instanceof ApiError ? error.message : "Something went wrong.");
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="add-key" className="rounded-xl border border-border bg-surface p-4 md:p-6">
        <h2 id="add-key" className="mb-4 text-lg font-semibold">
          Add a key
        </h2>
        <form
          ref={form}
          method="post"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void submit(false);
          }}
          className="grid gap-4 md:grid-cols-2"
        >
          <div>
            <label htmlFor="field-provider" className="block text-sm font-medium">
              Provider
            </label>
            <select
              id="field-provider"
              name="provider"
              className="mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2"
              onChange={() => setFailedCheck(null)}
            >
              {PROVIDER_IDS.map((p) => (
                <option key={p} value={p}>
                  {PROVIDERS[p].label}
                </option>
              ))}
            </select>
          </div>
          <Field label="Name" name="name" placeholder="e.g. Personal" maxLength={100} error={errors.name} />
          <Field
            className="md:col-span-2"
            label="API key"
            name="key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            error={errors.key ?? errors.provider}
            hint="Encrypted before it is stored. Only its last four characters are ever shown again."
          />
          {errors.form ? (
            <p role="alert" className="text-sm text-danger md:col-span-2">
              {errors.form}
            </p>
          ) : null}
          {failedCheck ? (
            <div role="alert" className="rounded-md border border-danger p-3 text-sm md:col-span-2">
              <p className="text-danger">The provider did not accept this key: {failedCheck}</p>
              <button
                type="button"
                className="mt-2 rounded-md border border-border px-3 py-1.5"
                disabled={pending !== null}
                onClick={() => void submit(true)}
              >
                Save it anyway (marked failing)
              </button>
            </div>
          ) : null}
          <div className="md:col-span-2">
            <button
              type="submit"
              disabled={pending !== null || !hydrated}
              className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
            >
              {pending === "add" ? "Checking key…" : "Check and save key"}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="your-keys">
        <h2 id="your-keys" className="mb-3 text-lg font-semibold">
          Your keys
        </h2>
        {notice ? (
          <p role="status" className="mb-3 text-sm">
            {notice}
          </p>
        ) : null}
        {keys.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border p-6 text-center text-muted">
            No keys yet. Add one above to start generating.
          </p>
        ) : (
          <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4" data-testid="api-key-row">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {PROVIDERS[k.provider]?.label ?? k.provider} · {k.name}
                  </p>
                  <p className="text-sm text-muted">
                    <span className="font-mono">{k.hint}</span> · last used {when(k.lastUsedAt)}
                  </p>
                  {k.statusMessage ? <p className="text-xs text-muted">{k.statusMessage}</p> : null}
                </div>
                <StatusBadge status={k.status} />
                <div className="flex gap-2">
                  <button
                    type="button"
                    className="rounded-md border border-border px-3 py-1.5 text-sm"
                    disabled={pending !== null}
                    onClick={() => void act(k.id, "test")}
                    aria-label={`Test ${k.name} again`}
                  >
                    {pending === `test:${k.id}` ? "Testing…" : "Test again"}
                  </button>
                  <button
                    type="button"
                    className="rounded-md border border-danger px-3 py-1.5 text-sm text-danger"
                    disabled={pending !== null}
                    onClick={() => void act(k.id, "delete")}
                    aria-label={`Delete ${k.name}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
