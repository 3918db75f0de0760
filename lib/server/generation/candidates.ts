import "server-only";
import { and, eq } from "drizzle-orm";
import type { GenerateInput } from "@/app/api/generate/schema";
import { type CatalogModel, customTextModel, findModel, modelsFor } from "@/lib/shared/catalog";
import { PROVIDERS, type ProviderId } from "@/lib/shared/providers";
import type { Executor } from "../db/client";
import { type GenerationAttempt, userApiKeys } from "../db/schema";
import { AppError } from "../http/errors";
import { getProviderSettings } from "../provider-settings/get-provider-settings";

export type Candidate = { provider: ProviderId; model: CatalogModel; baseUrl: string | null };

const skipped = (provider: string, model: string, reason: string, message: string): GenerationAttempt => ({
  provider,
  model,
  outcome: "skipped",
  reason,
  message,
  at: new Date().toISOString(),
});

/**
 * The providers that could serve this request, in the user's priority order: enabled, able to do the type,
 * with a usable key (or a base URL, for a local endpoint), and a model. Everything passed over is recorded.
 */
export async function listCandidates(
  db: Executor,
  { userId, input }: { userId: string; input: GenerateInput },
): Promise<{ candidates: Candidate[]; skippedAttempts: GenerationAttempt[] }> {
  const settings = await getProviderSettings(db, { userId });
  const keys = await db
    .select({ provider: userApiKeys.provider, status: userApiKeys.status })
    .from(userApiKeys)
    .where(and(eq(userApiKeys.userId, userId), eq(userApiKeys.isActive, true)));
  const candidates: Candidate[] = [];
  const skippedAttempts: GenerationAttempt[] = [];
  for (const s of settings) {
    if (input.provider && s.provider !== input.provider) continue;
    const label = PROVIDERS[s.provider].label;
    if (!PROVIDERS[s.provider].types.includes(input.type)) continue;
    if (!s.enabled && !input.provider) {
      skippedAttempts.push(skipped(s.provider, "", "disabled", `${label} is turned off in your settings.`));
      continue;
    }
    const usableKey = keys.some((k) => k.provider === s.provider && k.status !== "failing");
    if (s.provider === "openai-compatible" ? !s.baseUrl : !usableKey) {
      if (input.provider || keys.some((k) => k.provider === s.provider)) {
        skippedAttempts.push(
          skipped(
            s.provider,
            "",
            "no_key",
            s.provider === "openai-compatible" ? "No base URL is set." : `No working ${label} key.`,
          ),
        );
      }
      continue;
    }
    const modelId = input.model ?? s.defaultModels[input.type] ?? modelsFor(s.provider, input.type)[0]?.id;
    if (!modelId) continue;
    const model =
      s.provider === "openai-compatible"
        ? customTextModel(modelId, s.customPrices[modelId])
        : findModel(s.provider, modelId);
    if (!model || model.type !== input.type) {
      skippedAttempts.push(
        skipped(s.provider, modelId, "unknown_model", `${modelId} is not a ${label} ${input.type} model.`),
      );
      continue;
    }
    candidates.push({ provider: s.provider, model, baseUrl: s.baseUrl });
  }
  if (input.model && candidates.length === 0 && skippedAttempts.length === 0) {
    throw new AppError("VALIDATION_ERROR", `No provider you use offers ${input.model} for ${input.type}.`, {
      issues: [{ path: "model", message: "Unknown model for this type." }],
    });
  }
  return { candidates, skippedAttempts };
}
