import "server-only";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import type { CatalogModel } from "@/lib/shared/catalog";

/**
 * Input tokens before a call. OpenAI models: counted with their real tokenizer (o200k_base).
 * Others (Anthropic, local models): a documented conservative bound of one token per 3 characters,
 * rounded up — above the ~3.5 characters per token English text averages, so reservations err high.
 */
export function countTokens(model: Pick<CatalogModel, "tokenizer">, text: string): { tokens: number; exact: boolean } {
  if (model.tokenizer === "o200k_base") return { tokens: encode(text).length, exact: true };
  return { tokens: Math.ceil([...text].length / 3), exact: false };
}

/** Chat formatting overhead per message (role markers), as OpenAI's cookbook counts it, plus reply priming. */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_REPLY_PRIMING = 3;
