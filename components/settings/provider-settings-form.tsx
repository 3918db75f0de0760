"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import type { ProviderSetting } from "@/lib/server/provider-settings/get-provider-settings";
import { modelsFor } from "@/lib/shared/catalog";
import type { GenerationType } from "@/lib/shared/providers";
import { StatusBadge } from "../status-badge";

const TYPE_LABEL: Record<GenerationType, string> = { text: "Text", image: "Image", video: "Video", audio: "Audio" };

/** Enable providers, order them (the router tries them top to bottom), pick default models, set a base URL. */
export function ProviderSettingsForm({ initial }: { initial: ProviderSetting[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [items, setItems] = useState(initial);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (index: number, patch: Partial<ProviderSetting>) =>
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  async function save() {
    setSaving(true);
    setMessage(null);
    try {
      await api("/api/settings/providers", {
        method: "PUT",
        body: {
          providers: items.map((p) => ({
            provider: p.provider,
            enabled: p.enabled,
            defaultModels: Object.fromEntries(Object.entries(p.defaultModels).filter(([, v]) => v?.trim())),
            ...(p.provider === "openai-compatible" ? { baseUrl: p.baseUrl?.trim() || null } : {}),
          })),
        },
      });
      setMessage({ kind: "ok", text: "Provider settings saved." });
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof ApiError ? error.message : "Something went wrong." });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Atelier tries enabled providers from the top down and falls back to the next one when a provider fails.
      </p>
      <ol className="space-y-3" aria-label="Providers in priority order">
        {items.map((p, index) => (
          <li key={p.provider} className="rounded-xl border border-border bg-surface p-4" data-testid="provider-row">
            <div className="flex flex-wrap items-center gap-3">
              <span className="w-6 text-center text-sm font-semibold text-muted" aria-hidden="true">
                {index + 1}
              </span>
              <h2 className="min-w-0 flex-1 font-medium">{p.label}</h2>
              <StatusBadge status={p.keyStatus} />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={p.enabled}
                  onChange={(e) => update(index, { enabled: e.target.checked })}
                  className="h-4 w-4"
                />
                Enabled
              </label>
              <div className="flex gap-1">
                <button
                  type="button"
                  className="h-9 w-9 rounded-md border border-border text-sm disabled:opacity-40"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${p.label} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="h-9 w-9 rounded-md border border-border text-sm disabled:opacity-40"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${p.label} down`}
                >
                  ↓
                </button>
              </div>
            </div>
            {p.health ? (
              <p className="mt-2 text-xs text-muted" data-testid="provider-health">
                Health: {p.health.status === "down" ? "failing — skipped for now" : p.health.status}
                {p.health.failureCount > 0
                  ? ` · ${p.health.failureCount} recent failure${p.health.failureCount === 1 ? "" : "s"}`
                  : ""}
                {p.health.avgResponseTimeMs != null ? ` · avg ${p.health.avgResponseTimeMs} ms` : ""}
              </p>
            ) : null}
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              {p.provider === "openai-compatible" ? (
                <div className="sm:col-span-2">
                  <label htmlFor={`base-${p.provider}`} className="block text-sm font-medium">
                    Base URL
                  </label>
                  <input
                    id={`base-${p.provider}`}
                    value={p.baseUrl ?? ""}
                    onChange={(e) => update(index, { baseUrl: e.target.value })}
                    placeholder="http://localhost:11434/v1 (Ollama) or https://openrouter.ai/api/v1"
                    className="mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2"
                    inputMode="url"
                  />
                </div>
              ) : null}
              {p.types.map((type) => (
                <div key={type}>
                  <label htmlFor={`model-${p.provider}-${type}`} className="block text-sm font-medium">
                    Default {TYPE_LABEL[type].toLowerCase()} model
                  </label>
                  <input
                    id={`model-${p.provider}-${type}`}
                    list={`models-${p.provider}-${type}`}
                    value={p.defaultModels[type] ?? ""}
                    onChange={(e) => update(index, { defaultModels: { ...p.defaultModels, [type]: e.target.value } })}
                    placeholder={p.provider === "openai-compatible" ? "e.g. llama3.2" : "Provider's default"}
                    className="mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2"
                  />
                  <datalist id={`models-${p.provider}-${type}`}>
                    {modelsFor(p.provider, type).map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.label}
                      </option>
                    ))}
                  </datalist>
                </div>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={message.kind === "error" ? "text-danger" : ""}
        >
          {message.text}
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => void save()}
        disabled={saving || !hydrated}
        className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
      >
        {saving ? "Saving…" : "Save providers"}
      </button>
    </div>
  );
}
