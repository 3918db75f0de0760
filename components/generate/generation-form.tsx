"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, isOffline, networkError, offlineError } from "@/lib/client/api";
import { readSse } from "@/lib/client/sse";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useProjects } from "@/lib/query/hooks";
import { type CatalogModel, MODELS } from "@/lib/shared/catalog";
import { formatUsd } from "@/lib/shared/money";
import { GENERATION_TYPES, type GenerationType, PROVIDERS, type ProviderId } from "@/lib/shared/providers";
import { useGenerationStore } from "@/lib/stores/generation-store";
import { useProjectStore } from "@/lib/stores/project-store";
import { useUiStore } from "@/lib/stores/ui-store";
import { type Attempt, GenerationError, GenerationOutputs, type GenerationView } from "./generation-result";

type ProviderSetting = {
  provider: ProviderId;
  enabled: boolean;
  keyStatus: string;
  baseUrl: string | null;
  defaultModels: Partial<Record<GenerationType, string>>;
};
type Estimate = {
  provider: string | null;
  model: string | null;
  cost: { cents: string; usd: string; issues: { code: string }[] } | null;
  remainingBudgetCents: string | null;
  wouldExceedBudget: boolean;
};
type Failure = { code: string; message: string; attempts: Attempt[] };

const TYPE_LABEL: Record<GenerationType, string> = { text: "Text", image: "Image", video: "Video", audio: "Audio" };
const inputClass = "mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Models the user can use for a type: only providers with a working (or unchecked) key, or a local base URL. */
function usableModels(settings: ProviderSetting[] | undefined, type: GenerationType) {
  const out: { provider: ProviderId; model: CatalogModel | { id: string; label: string } }[] = [];
  for (const s of settings ?? []) {
    if (!s.enabled || !PROVIDERS[s.provider].types.includes(type)) continue;
    if (s.provider === "openai-compatible") {
      const id = s.defaultModels[type];
      if (s.baseUrl && id) out.push({ provider: s.provider, model: { id, label: id } });
      continue;
    }
    if (s.keyStatus !== "working" && s.keyStatus !== "unknown") continue;
    for (const m of MODELS)
      if (m.provider === s.provider && m.type === type) out.push({ provider: s.provider, model: m });
  }
  return out;
}

export function GenerationForm({ fixedProjectId }: { fixedProjectId?: string }) {
  const hydrated = useHydrated();
  const toast = useUiStore((s) => s.toast);
  const { form, set } = useGenerationStore();
  const selected = useProjectStore((s) => s.projectId);
  const selectProject = useProjectStore((s) => s.select);
  const projects = useProjects();
  const activeProjects = (projects.data ?? []).filter((p) => !p.archivedAt);
  const projectId =
    fixedProjectId ?? (activeProjects.some((p) => p.id === selected) ? selected : activeProjects[0]?.id) ?? null;
  const settings = useQuery({
    queryKey: ["provider-settings"],
    queryFn: () => api<ProviderSetting[]>("/api/settings/providers"),
  });
  const models = useMemo(() => usableModels(settings.data, form.type), [settings.data, form.type]);
  const chosen = models.find((m) => `${m.provider}::${m.model.id}` === form.providerModel);
  const catalogModel = chosen && "capabilities" in chosen.model ? chosen.model : undefined;

  const [running, setRunning] = useState(false);
  const [streamed, setStreamed] = useState("");
  const [result, setResult] = useState<GenerationView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const cancelled = useRef(false);

  const body = useMemo(() => {
    if (!projectId) return null;
    const [provider, model] = form.providerModel ? form.providerModel.split("::") : [undefined, undefined];
    const base = { projectId, prompt: form.prompt.trim() || " ", ...(provider ? { provider, model } : {}) };
    switch (form.type) {
      case "text":
        return { type: "text", ...base, maxTokens: form.maxTokens, temperature: form.temperature };
      case "image":
        return {
          type: "image",
          ...base,
          size: form.size,
          count: form.count,
          ...(form.quality ? { quality: form.quality } : {}),
        };
      case "audio":
        return { type: "audio", ...base, format: form.format, ...(form.voice ? { voice: form.voice } : {}) };
      case "video":
        return { type: "video", ...base, seconds: form.seconds, aspectRatio: form.aspectRatio };
    }
  }, [projectId, form]);
  const debouncedBody = useDebounced(body, 350);
  const estimate = useQuery({
    queryKey: ["estimate", debouncedBody],
    enabled: !!debouncedBody && models.length > 0,
    queryFn: () => api<Estimate>("/api/generate/estimate", { method: "POST", body: debouncedBody }),
  });

  // Reset model-specific parameters to what the chosen model offers.
  useEffect(() => {
    if (!catalogModel) return;
    const c = catalogModel.capabilities;
    const patch: Partial<typeof form> = {};
    if (c.sizes?.length && !c.sizes.includes(form.size)) patch.size = c.sizes[0] as string;
    if (c.qualities && form.quality && !c.qualities.includes(form.quality)) patch.quality = "";
    if (c.durations?.length && !c.durations.includes(form.seconds)) patch.seconds = c.durations[0] as number;
    if (c.voices?.length && form.voice && !c.voices.includes(form.voice)) patch.voice = "";
    if (c.formats?.length && !c.formats.includes(form.format)) patch.format = c.formats[0] as string;
    if (Object.keys(patch).length) set(patch);
  }, [catalogModel, form, set]);

  async function pollVideo(id: string) {
    const started = Date.now();
    for (;;) {
      if (cancelled.current) return;
      const g = await api<GenerationView>(`/api/generations/${id}`);
      setResult(g);
      setElapsed(Math.round((Date.now() - started) / 1000));
      if (g.status === "completed" || g.status === "failed" || g.status === "cancelled") {
        if (g.status === "failed")
          setFailure({ code: "PROVIDER_ERROR", message: g.errorMessage ?? "The video failed.", attempts: g.attempts });
        return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  async function submit() {
    if (!body || !form.prompt.trim()) {
      setFailure({ code: "VALIDATION_ERROR", message: "Write a prompt first.", attempts: [] });
      return;
    }
    if (isOffline()) {
      // The prompt and settings stay in the form; nothing is reserved or sent.
      const e = offlineError("Generating");
      setFailure({ code: e.code, message: e.message, attempts: [] });
      return;
    }
    setRunning(true);
    setStreamed("");
    setResult(null);
    setFailure(null);
    cancelled.current = false;
    try {
      if (form.type === "text") {
        const response = await fetch("/api/generate", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }).catch(() => {
          throw networkError();
        });
        if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
          const json = await response.json();
          throw new ApiError(json.error, json.message, response.status, json.details);
        }
        await readSse(response, (event, data) => {
          if (event === "delta") setStreamed((t) => t + data.text);
          if (event === "done") {
            setResult(data);
            toast("success", `Generated for ${formatUsd(data.costCents)}.`);
          }
          if (event === "error")
            setFailure({ code: data.error, message: data.message, attempts: data.details?.attempts ?? [] });
        });
      } else {
        const g = await api<GenerationView>("/api/generate?stream=false", { method: "POST", body });
        setResult(g);
        if (form.type === "video") await pollVideo(g.id);
        else toast("success", `Generated for ${formatUsd(g.costCents)}.`);
      }
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError("UNKNOWN", "Something went wrong.", 0);
      setFailure({ code: e.code, message: e.message, attempts: (e.details.attempts as Attempt[]) ?? [] });
    } finally {
      setRunning(false);
      estimate.refetch();
    }
  }

  async function cancel() {
    if (!result) return;
    cancelled.current = true;
    try {
      setResult(await api<GenerationView>(`/api/generations/${result.id}/cancel`, { method: "POST" }));
      toast("info", "Video cancelled; its reservation was released.");
    } catch (error) {
      toast("error", error instanceof ApiError ? error.message : "Could not cancel.");
    }
  }

  if (projects.isSuccess && activeProjects.length === 0 && !fixedProjectId) {
    return (
      <p className="rounded-xl border border-dashed border-border p-6 text-center">
        Create a project first:{" "}
        <Link href="/projects/new" className="text-accent underline">
          New project
        </Link>
        .
      </p>
    );
  }
  const noModels = settings.isSuccess && models.length === 0;
  const c = catalogModel?.capabilities;
  const e = estimate.data;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form
        method="post"
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {!fixedProjectId ? (
          <div>
            <label htmlFor="gen-project" className="block text-sm font-medium">
              Project
            </label>
            <select
              id="gen-project"
              className={inputClass}
              value={projectId ?? ""}
              onChange={(ev) => selectProject(ev.target.value)}
            >
              {activeProjects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <fieldset>
          <legend className="text-sm font-medium">Type</legend>
          <div className="mt-1 grid grid-cols-4 gap-1 rounded-lg border border-border p-1">
            {GENERATION_TYPES.map((t) => (
              <label
                key={t}
                className={`cursor-pointer rounded-md px-2 py-2 text-center text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${form.type === t ? "bg-accent font-semibold text-accent-fg" : ""}`}
              >
                <input
                  type="radio"
                  name="type"
                  value={t}
                  checked={form.type === t}
                  onChange={() => set({ type: t, providerModel: "" })}
                  className="sr-only"
                />
                {TYPE_LABEL[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="gen-model" className="block text-sm font-medium">
            Provider and model
          </label>
          <select
            id="gen-model"
            className={inputClass}
            value={form.providerModel}
            onChange={(ev) => set({ providerModel: ev.target.value })}
            disabled={noModels}
          >
            <option value="">Automatic (your provider order)</option>
            {models.map((m) => (
              <option key={`${m.provider}::${m.model.id}`} value={`${m.provider}::${m.model.id}`}>
                {PROVIDERS[m.provider].label.split(" (")[0]} — {m.model.label}
              </option>
            ))}
          </select>
          {noModels ? (
            <p className="mt-1 text-sm text-danger">
              No provider you have a working key for can make {form.type}.{" "}
              <Link href="/settings/api-keys" className="underline">
                Add a key
              </Link>
              .
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="gen-prompt" className="block text-sm font-medium">
            {form.type === "audio" ? "Text to speak" : "Prompt"}
          </label>
          <textarea
            id="gen-prompt"
            rows={5}
            className={inputClass}
            value={form.prompt}
            onChange={(ev) => set({ prompt: ev.target.value })}
            maxLength={form.type === "text" ? 100_000 : 5000}
          />
        </div>
        {form.type === "text" ? (
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="gen-max" className="block text-sm font-medium">
                Max tokens
              </label>
              <input
                id="gen-max"
                type="number"
                min={1}
                max={catalogModel?.limits.maxOutputTokens ?? 32768}
                className={inputClass}
                value={form.maxTokens}
                onChange={(ev) => set({ maxTokens: Math.max(1, Number(ev.target.value) || 1) })}
              />
            </div>
            <div>
              <label htmlFor="gen-temp" className="block text-sm font-medium">
                Temperature
              </label>
              <input
                id="gen-temp"
                type="number"
                min={0}
                max={2}
                step={0.1}
                className={inputClass}
                value={form.temperature}
                onChange={(ev) => set({ temperature: Number(ev.target.value) })}
              />
            </div>
          </div>
        ) : null}
        {form.type === "image" ? (
          <div className="grid grid-cols-3 gap-3">
            <div>
              <label htmlFor="gen-size" className="block text-sm font-medium">
                Size
              </label>
              <select
                id="gen-size"
                className={inputClass}
                value={form.size}
                onChange={(ev) => set({ size: ev.target.value })}
              >
                {(c?.sizes ?? ["1024x1024"]).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="gen-quality" className="block text-sm font-medium">
                Quality
              </label>
              <select
                id="gen-quality"
                className={inputClass}
                value={form.quality}
                onChange={(ev) => set({ quality: ev.target.value })}
              >
                <option value="">Default</option>
                {(c?.qualities ?? []).map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="gen-count" className="block text-sm font-medium">
                Images
              </label>
              <input
                id="gen-count"
                type="number"
                min={1}
                max={catalogModel?.limits.maxImagesPerCall ?? 4}
                className={inputClass}
                value={form.count}
                onChange={(ev) => set({ count: Math.max(1, Number(ev.target.value) || 1) })}
              />
            </div>
          </div>
        ) : null}
        {form.type === "video" ? (
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="gen-seconds" className="block text-sm font-medium">
                Duration (s)
              </label>
              <select
                id="gen-seconds"
                className={inputClass}
                value={form.seconds}
                onChange={(ev) => set({ seconds: Number(ev.target.value) })}
              >
                {(c?.durations ?? [4, 5, 6, 8, 10, 12]).map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="gen-aspect" className="block text-sm font-medium">
                Aspect ratio
              </label>
              <select
                id="gen-aspect"
                className={inputClass}
                value={form.aspectRatio}
                onChange={(ev) => set({ aspectRatio: ev.target.value })}
              >
                {(c?.aspectRatios ?? ["16:9", "9:16", "1:1"]).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        {form.type === "audio" ? (
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="gen-voice" className="block text-sm font-medium">
                Voice
              </label>
              <select
                id="gen-voice"
                className={inputClass}
                value={form.voice}
                onChange={(ev) => set({ voice: ev.target.value })}
              >
                <option value="">Default</option>
                {(c?.voices ?? []).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="gen-format" className="block text-sm font-medium">
                Format
              </label>
              <select
                id="gen-format"
                className={inputClass}
                value={form.format}
                onChange={(ev) => set({ format: ev.target.value })}
              >
                {(c?.formats ?? ["mp3"]).map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        <div className="min-h-12 rounded-lg border border-border p-3 text-sm" aria-live="polite" data-testid="estimate">
          {!e ? (
            <span className="text-muted">Estimating…</span>
          ) : e.wouldExceedBudget ? (
            <span className="text-danger">
              This would cost up to {formatUsd(e.cost?.cents)} — more than the {formatUsd(e.remainingBudgetCents)} left
              in this project's budget. Raise the budget or pick a cheaper model.
            </span>
          ) : (
            <span>
              ≈ {formatUsd(e.cost?.cents)}
              {e.provider ? ` with ${e.provider} ${e.model}` : ""} ·{" "}
              {e.remainingBudgetCents == null ? "no budget limit" : `${formatUsd(e.remainingBudgetCents)} left`}
            </span>
          )}
        </div>
        <button
          type="submit"
          disabled={!hydrated || running || noModels || !!e?.wouldExceedBudget}
          className="w-full rounded-md bg-accent px-4 py-2.5 font-medium text-accent-fg disabled:opacity-60"
        >
          {running ? "Generating…" : `Generate ${TYPE_LABEL[form.type].toLowerCase()}`}
        </button>
      </form>

      <section aria-label="Result" className="min-h-48 space-y-4">
        {failure ? <GenerationError {...failure} /> : null}
        {form.type === "text" && (streamed || running) ? (
          <div
            className="whitespace-pre-wrap rounded-xl border border-border bg-surface p-4"
            aria-live="polite"
            data-testid="text-output"
          >
            {streamed || <span className="text-muted">Waiting for the first words…</span>}
          </div>
        ) : null}
        {result && result.type === "video" && result.status !== "completed" ? (
          <div className="rounded-xl border border-border bg-surface p-4 text-sm" data-testid="video-status">
            <p>
              {result.status === "cancelled"
                ? "Cancelled."
                : result.queuePosition != null
                  ? `In the provider's queue, position ${result.queuePosition}`
                  : `Rendering${result.progress ? ` (${result.progress}%)` : ""}`}{" "}
              · {elapsed}s
            </p>
            {result.status === "processing" || result.status === "pending" ? (
              <button
                type="button"
                onClick={() => void cancel()}
                className="mt-2 rounded-md border border-border px-3 py-1.5"
              >
                Cancel video
              </button>
            ) : null}
          </div>
        ) : null}
        {result && result.status === "completed" ? <GenerationOutputs generation={result} /> : null}
        {!failure && !result && !running ? <p className="text-sm text-muted">Your result will appear here.</p> : null}
      </section>
    </div>
  );
}
