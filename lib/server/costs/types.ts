import type { PriceUnit } from "@/lib/shared/catalog";

/** What a generation asks for, as far as cost is concerned. */
export type CostRequest =
  | { type: "text"; prompt: string; system?: string; maxTokens: number }
  | { type: "image"; prompt: string; size: string; quality?: string; count: number }
  | { type: "video"; prompt: string; seconds: number; size?: string }
  | { type: "audio"; prompt: string };

/** Token usage as the provider reported it, normalised: `inputTokens` excludes cached reads and cache writes. */
export type TextUsage = {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
};

/** What came back, as far as cost is concerned. */
export type CostOutcome =
  | { type: "text"; usage: TextUsage | null; outputText: string }
  | { type: "image"; count: number; size: string; quality?: string; inputTokens?: number }
  | { type: "video"; seconds: number; size?: string }
  | { type: "audio"; characters: number; durationSeconds?: string };

export type CostIssue =
  | { code: "missing_price"; unit: PriceUnit; detail?: string }
  | { code: "estimated_tokens"; detail: string }
  | { code: "usage_not_reported"; detail: string }
  | { code: "estimated_duration"; detail: string };

export type CostLine = { unit: PriceUnit; quantity: string; usdPerUnit: string; per: number; cents: string };

export type Cost = {
  basis: "estimate" | "actual";
  /** Exact decimal string of US cents, e.g. "0.0515" for $0.000515. */
  cents: string;
  usd: string;
  lines: CostLine[];
  issues: CostIssue[];
};
