"use client";

import { formatUsd } from "@/lib/shared/money";

export type Attempt = { provider: string; model: string; outcome: string; reason?: string; message?: string };
export type GenerationView = {
  id: string;
  type: string;
  status: string;
  provider: string;
  model: string;
  costCents: string | null;
  progress: number | null;
  queuePosition: number | null;
  assetIds: string[];
  attempts: Attempt[];
  errorMessage: string | null;
  createdAt: string;
};

const ADVICE: Record<string, string> = {
  BUDGET_EXCEEDED: "Raise the project's budget in Settings → Budgets, or choose a cheaper model.",
  NO_PROVIDER: "Add a working key for a provider that can do this in Settings → API keys.",
  CONTENT_REJECTED: "Rephrase the prompt; the provider's safety system refused it.",
  RATE_LIMITED: "Wait a moment and try again.",
  PROVIDER_ERROR: "Try again, or move another provider up in Settings → Providers.",
};

/** What happened, in human terms: which providers were tried, what each said, what to do. */
export function GenerationError({ code, message, attempts }: { code: string; message: string; attempts: Attempt[] }) {
  return (
    <div role="alert" className="rounded-xl border border-danger p-4 text-sm">
      <p className="font-medium text-danger">{message}</p>
      {ADVICE[code] ? <p className="mt-1">{ADVICE[code]}</p> : null}
      {attempts.length > 0 ? (
        <ul className="mt-3 space-y-1 text-muted">
          {attempts.map((a) => (
            <li key={`${a.provider}-${a.model}-${a.outcome}-${a.reason ?? ""}`}>
              <span className="font-medium text-fg">{a.provider}</span>
              {a.model ? ` (${a.model})` : ""}: {a.outcome === "succeeded" ? "served it" : (a.message ?? a.reason)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The stored outputs of a finished generation, from our own file routes. */
export function GenerationOutputs({ generation }: { generation: GenerationView }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        {generation.provider} · {generation.model} · cost {formatUsd(generation.costCents)}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {generation.assetIds.map((id) =>
          generation.type === "image" ? (
            <img
              key={id}
              src={`/api/assets/${id}/file`}
              alt="Generated"
              className="w-full rounded-lg border border-border"
            />
          ) : generation.type === "audio" ? (
            // biome-ignore lint/a11y/useMediaCaption: generated speech has no caption track
            <audio key={id} controls src={`/api/assets/${id}/file`} className="w-full" />
          ) : generation.type === "video" ? (
            // biome-ignore lint/a11y/useMediaCaption: generated video has no caption track
            <video key={id} controls src={`/api/assets/${id}/file`} className="w-full rounded-lg" />
          ) : null,
        )}
      </div>
    </div>
  );
}
