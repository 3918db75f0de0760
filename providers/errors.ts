import "server-only";
import type { TextUsage } from "@/lib/server/costs/types";
import { PROVIDERS } from "@/lib/shared/providers";

export const PROVIDER_ERROR_KINDS = [
  "invalid_key",
  "rate_limited",
  "content_rejected",
  "timeout",
  "unavailable",
  "bad_request",
  "unsupported",
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

const RETRYABLE: Record<ProviderErrorKind, boolean> = {
  invalid_key: false,
  rate_limited: true,
  content_rejected: false,
  timeout: true,
  unavailable: true,
  bad_request: false,
  unsupported: false,
};

/** A provider failure in our terms. `retryable` decides whether the router may fall back to the next provider. */
export class ProviderError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly kind: ProviderErrorKind,
    readonly provider: string,
    message: string,
    /** `usage`: what the provider had reported when a stream failed midway (Anthropic counts input at the start). */
    readonly extra: { status?: number; retryAfterSeconds?: number; usage?: TextUsage } = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.retryable = RETRYABLE[kind];
  }
}

const CONTENT_CODES = /content_policy|content_filter|moderation|safety|nsfw|policy_violation|harm/i;
const SECRETISH = /\b(sk-[A-Za-z0-9_*.-]{4,}|sk-ant-[A-Za-z0-9_*.-]{4,}|key-[A-Za-z0-9_*.-]{8,}|[A-Za-z0-9_-]{32,})\b/g;

/** A provider's own message, minus anything that looks like a key (OpenAI echoes part of a wrong key). */
export function scrubMessage(message: string, apiKey?: string): string {
  let out = message;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join("[key]");
  return out.replace(SECRETISH, "[redacted]").slice(0, 300);
}

function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | null | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    return (headers as Record<string, string>)[name];
  };
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const raw = get("retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Maps whatever an SDK threw (or a fetch Response status) to a ProviderError, without leaking the key. */
export function normalizeProviderError(providerId: string, error: unknown, apiKey?: string): ProviderError {
  const provider = providerId;
  if (error instanceof ProviderError) return error;
  const label = PROVIDERS[providerId as keyof typeof PROVIDERS]?.label.split(" (")[0] ?? providerId;
  const e = (error ?? {}) as {
    status?: number;
    headers?: unknown;
    message?: string;
    name?: string;
    code?: string;
    error?: unknown;
    body?: unknown;
  };
  const name = `${e.name ?? ""} ${(error as object | null)?.constructor?.name ?? ""}`;
  const detail = scrubMessage(
    `${e.message ?? ""} ${JSON.stringify(e.error ?? e.body ?? "").slice(0, 500)}`.trim(),
    apiKey,
  );
  const status = typeof e.status === "number" ? e.status : undefined;
  if (/Timeout|AbortError|TimeoutError/.test(name) || e.code === "ETIMEDOUT") {
    return new ProviderError("timeout", provider, `${label} did not answer in time.`);
  }
  if (status === undefined) {
    return new ProviderError("unavailable", provider, `${label} could not be reached.`);
  }
  if (status === 401 || status === 403) {
    return new ProviderError("invalid_key", provider, `${label} refused the API key.`, { status });
  }
  if (status === 429) {
    const after = retryAfter(e.headers);
    return new ProviderError("rate_limited", provider, `${label} is rate limiting this key.`, {
      status,
      retryAfterSeconds: after,
    });
  }
  if (status === 408 || status === 504) {
    return new ProviderError("timeout", provider, `${label} timed out.`, { status });
  }
  if (status >= 500) {
    return new ProviderError("unavailable", provider, `${label} is unavailable (${status}).`, { status });
  }
  if (CONTENT_CODES.test(detail)) {
    return new ProviderError("content_rejected", provider, `${label} refused this prompt: ${detail}`, { status });
  }
  return new ProviderError("bad_request", provider, `${label} rejected the request: ${detail || status}`, { status });
}
