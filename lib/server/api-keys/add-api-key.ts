import "server-only";
import type { AddApiKeyInput } from "@/app/api/api-keys/schema";
import type { AuthUser } from "../auth/types";
import { asUser } from "../db/rls";
import { userApiKeys } from "../db/schema";
import { AppError, pgErrorCode } from "../http/errors";
import { log } from "../log";
import { getProviderSettingRow } from "../provider-settings/get-provider-settings";
import { getKeyring } from "../vault";
import { keyHint, sealApiKey } from "../vault/vault";
import { checkApiKey } from "./check-api-key";
import { toApiKey } from "./to-api-key";

/**
 * Checks the key with the provider, then stores it sealed. A key the provider refuses is stored only when
 * the user insists, marked failing. The provider call happens outside any database transaction.
 */
export async function addApiKey(user: AuthUser, input: AddApiKeyInput) {
  const setting = await asUser(user.id, (tx) => getProviderSettingRow(tx, user.id, input.provider));
  const check = await checkApiKey({ provider: input.provider, apiKey: input.key, baseUrl: setting?.baseUrl });
  if (check.status === "failing" && !input.storeIfFailing) {
    throw new AppError("KEY_CHECK_FAILED", check.message, { field: "key", canStoreAnyway: true });
  }
  const sealed = await sealApiKey(input.key, { userId: user.id, provider: input.provider }, getKeyring().current);
  try {
    const [row] = await asUser(user.id, (tx) =>
      tx
        .insert(userApiKeys)
        .values({
          userId: user.id,
          provider: input.provider,
          keyName: input.name,
          ...sealed,
          keyHint: keyHint(input.key),
          status: check.status,
          statusMessage: check.message,
          lastCheckedAt: new Date(),
        })
        .returning(),
    );
    if (!row) throw new Error("insert returned no row");
    log.info("api key stored", { userId: user.id, provider: input.provider, keyId: row.id, status: row.status });
    return toApiKey(row);
  } catch (error) {
    if (pgErrorCode(error) === "23505") {
      throw new AppError("CONFLICT", `You already have a ${input.provider} key named “${input.name}”.`, {
        field: "name",
      });
    }
    throw error;
  }
}
