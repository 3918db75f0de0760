import { z } from "zod";
import { GENERATION_TYPES, PROVIDER_IDS } from "../providers";
import data from "./models.json";

/** A unit a provider charges for; `per` says how many units one listed price covers. */
export const PRICE_UNITS = [
  "input_token",
  "cached_input_token",
  "cache_write_token",
  "output_token",
  "image",
  "megapixel",
  "video_second",
  "character",
  "audio_minute",
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

const priceSchema = z
  .object({
    unit: z.enum(PRICE_UNITS),
    usd: z.string().regex(/^\d+(\.\d+)?$/, "a decimal string of US dollars"),
    per: z.number().int().positive().optional(),
    match: z.object({ size: z.string().optional(), quality: z.string().optional() }).strict().optional(),
    source: z.url(),
    asOf: z.iso.date(),
  })
  .strict();

const modelSchema = z
  .object({
    provider: z.enum(PROVIDER_IDS),
    id: z.string().min(1),
    label: z.string().min(1),
    type: z.enum(GENERATION_TYPES),
    /** How input tokens are counted before a call: a real tokenizer, or a documented estimate. */
    tokenizer: z.enum(["o200k_base", "estimate", "none"]),
    capabilities: z
      .object({
        streaming: z.boolean().optional(),
        sizes: z.array(z.string().regex(/^\d+x\d+$/)).optional(),
        qualities: z.array(z.string()).optional(),
        output: z.enum(["base64", "url"]).optional(),
        formats: z.array(z.string()).optional(),
        voices: z.array(z.string()).optional(),
        durations: z.array(z.number().positive()).optional(),
        aspectRatios: z.array(z.string()).optional(),
      })
      .strict(),
    limits: z
      .object({
        contextTokens: z.number().int().positive().optional(),
        maxOutputTokens: z.number().int().positive().optional(),
        maxImagesPerCall: z.number().int().positive().optional(),
        maxPromptCharacters: z.number().int().positive().optional(),
        maxInputCharacters: z.number().int().positive().optional(),
        maxJobSeconds: z.number().int().positive().optional(),
      })
      .strict(),
    prices: z.array(priceSchema),
  })
  .strict();

export type CatalogModel = z.infer<typeof modelSchema>;
export type CatalogPrice = z.infer<typeof priceSchema>;

/** The catalog, validated when first imported: a malformed edit fails loudly, not at a user's first generation. */
export const MODELS: readonly CatalogModel[] = z.object({ models: z.array(modelSchema) }).parse(data).models;

export function findModel(provider: string, id: string): CatalogModel | undefined {
  return MODELS.find((m) => m.provider === provider && m.id === id);
}

export function modelsFor(provider: string, type?: string): CatalogModel[] {
  return MODELS.filter((m) => m.provider === provider && (!type || m.type === type));
}

/** A model of a user's OpenAI-compatible endpoint: not in the catalog, priced by the user (zero by default). */
export function customTextModel(
  id: string,
  prices: { inputPerMillion?: string; outputPerMillion?: string } = {},
): CatalogModel {
  const price = (unit: PriceUnit, usd: string): CatalogPrice => ({
    unit,
    usd,
    per: 1_000_000,
    source: "https://atelier.invalid/user-set-price",
    asOf: "1970-01-01",
  });
  return {
    provider: "openai-compatible",
    id,
    label: id,
    type: "text",
    tokenizer: "estimate",
    capabilities: { streaming: true },
    limits: {},
    prices: [
      price("input_token", prices.inputPerMillion ?? "0"),
      price("output_token", prices.outputPerMillion ?? "0"),
    ],
  };
}
