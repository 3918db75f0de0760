import "server-only";
import { estimateCost } from "@/lib/server/costs/calculate";
import type { Cost, CostRequest } from "@/lib/server/costs/types";
import { type CatalogModel, customTextModel, findModel } from "@/lib/shared/catalog";
import { ProviderError } from "./errors";

export type CustomPrices = Record<string, { inputPerMillion?: string; outputPerMillion?: string }>;

/** The catalog entry for a model: a catalog model, or for OpenAI-compatible endpoints one priced by the user. */
export function modelFor(provider: string, modelId: string, customPrices: CustomPrices = {}): CatalogModel {
  const model = findModel(provider, modelId);
  if (model) return model;
  if (provider === "openai-compatible") return customTextModel(modelId, customPrices[modelId]);
  throw new ProviderError("bad_request", provider, `${modelId} is not a ${provider} model Atelier knows.`);
}

/** The seed's `estimateCost`, shared by every adapter: the pure calculator over the catalog. */
export function estimateWith(provider: string, customPrices?: CustomPrices) {
  return (modelId: string, request: CostRequest): Cost =>
    estimateCost(modelFor(provider, modelId, customPrices), request);
}
