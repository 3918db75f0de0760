import "server-only";
import { and, eq } from "drizzle-orm";
import { DEFAULT_PRIORITY, PROVIDER_IDS, PROVIDERS, type ProviderId } from "@/lib/shared/providers";
import type { Executor } from "../db/client";
import { providerHealth, providerSettings, userApiKeys } from "../db/schema";

export async function getProviderSettingRow(db: Executor, userId: string, provider: ProviderId) {
  const [row] = await db
    .select()
    .from(providerSettings)
    .where(and(eq(providerSettings.userId, userId), eq(providerSettings.provider, provider)));
  return row;
}

const KEY_RANK = { working: 3, unknown: 2, failing: 1 } as const;

/** Every provider with the user's settings (or the defaults), in priority order, with its best key's status. */
export async function getProviderSettings(db: Executor, { userId }: { userId: string }) {
  const rows = await db.select().from(providerSettings).where(eq(providerSettings.userId, userId));
  const keys = await db
    .select({ provider: userApiKeys.provider, status: userApiKeys.status })
    .from(userApiKeys)
    .where(eq(userApiKeys.userId, userId));
  const health = await db.select().from(providerHealth).where(eq(providerHealth.userId, userId));
  const settings = PROVIDER_IDS.map((provider) => {
    const row = rows.find((r) => r.provider === provider);
    const h = health.find((r) => r.provider === provider);
    const best = keys.filter((k) => k.provider === provider).sort((a, b) => KEY_RANK[b.status] - KEY_RANK[a.status])[0];
    return {
      provider,
      label: PROVIDERS[provider].label,
      types: PROVIDERS[provider].types,
      enabled: row?.enabled ?? true,
      priority: row?.priority ?? DEFAULT_PRIORITY.indexOf(provider) * 10,
      defaultModels: row?.defaultModels ?? {},
      baseUrl: row?.baseUrl ?? null,
      customPrices: (row?.customPrices ?? {}) as Record<
        string,
        { inputPerMillion?: string; outputPerMillion?: string }
      >,
      keyStatus: best?.status ?? ("none" as const),
      health: h
        ? {
            status: h.status,
            failureCount: h.failureCount,
            avgResponseTimeMs: h.avgResponseTimeMs == null ? null : Math.round(Number(h.avgResponseTimeMs)),
            lastFailureAt: h.lastFailureAt?.toISOString() ?? null,
            message: h.errorMessage,
          }
        : null,
    };
  });
  return settings.sort((a, b) => a.priority - b.priority);
}
export type ProviderSetting = Awaited<ReturnType<typeof getProviderSettings>>[number];
