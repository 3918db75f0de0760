import "server-only";
import { sql } from "drizzle-orm";
import type { UpdateProviderSettingsInput } from "@/app/api/settings/providers/schema";
import { findModel } from "@/lib/shared/catalog";
import { PROVIDERS } from "@/lib/shared/providers";
import { getConfig } from "../config";
import type { Executor } from "../db/client";
import { providerSettings } from "../db/schema";
import { AppError } from "../http/errors";
import { assertSafeUrl, UnsafeUrlError } from "../net/ssrf-guard";
import { getProviderSettings } from "./get-provider-settings";

/** Checks what zod cannot: models only for types the provider generates, and base URLs through the SSRF guard. */
export async function validateProviderSettings(input: UpdateProviderSettingsInput): Promise<void> {
  for (const [i, p] of input.providers.entries()) {
    for (const [type, modelId] of Object.entries(p.defaultModels)) {
      if (!PROVIDERS[p.provider].types.includes(type as never)) {
        throw new AppError("VALIDATION_ERROR", `${PROVIDERS[p.provider].label} does not generate ${type}.`, {
          issues: [{ path: `providers.${i}.defaultModels.${type}`, message: "Not a type this provider generates." }],
        });
      }
      // Any model id goes for a user's own endpoint; the built-in providers' models come from the catalog.
      const model = findModel(p.provider, modelId ?? "");
      if (p.provider !== "openai-compatible" && model?.type !== type) {
        throw new AppError("VALIDATION_ERROR", `${modelId} is not a ${PROVIDERS[p.provider].label} ${type} model.`, {
          issues: [{ path: `providers.${i}.defaultModels.${type}`, message: "Choose a model from the list." }],
        });
      }
    }
    if (p.baseUrl) {
      try {
        await assertSafeUrl(p.baseUrl, { allowPrivate: getConfig().allowPrivateBaseUrls });
      } catch (error) {
        if (!(error instanceof UnsafeUrlError)) throw error;
        throw new AppError("UNSAFE_URL", error.message, { field: "baseUrl", provider: p.provider });
      }
    }
  }
}

/** Saves the list in one transaction; its order is the priority order. Providers left out keep their settings. */
export async function updateProviderSettings(db: Executor, input: { userId: string } & UpdateProviderSettingsInput) {
  for (const [index, p] of input.providers.entries()) {
    const values = {
      userId: input.userId,
      provider: p.provider,
      enabled: p.enabled,
      priority: index * 10,
      defaultModels: p.defaultModels,
      ...(p.baseUrl !== undefined ? { baseUrl: p.baseUrl || null } : {}),
    };
    await db
      .insert(providerSettings)
      .values(values)
      .onConflictDoUpdate({
        target: [providerSettings.userId, providerSettings.provider],
        set: {
          enabled: values.enabled,
          priority: values.priority,
          defaultModels: values.defaultModels,
          ...(p.baseUrl !== undefined ? { baseUrl: p.baseUrl || null } : {}),
          updatedAt: sql`now()`,
        },
      });
  }
  return getProviderSettings(db, { userId: input.userId });
}
