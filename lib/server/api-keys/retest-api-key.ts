import "server-only";
import { eq } from "drizzle-orm";
import type { AuthUser } from "../auth/types";
import { asUser } from "../db/rls";
import { userApiKeys } from "../db/schema";
import { getProviderSettingRow } from "../provider-settings/get-provider-settings";
import { VaultDecryptionError } from "../vault/vault";
import { checkApiKey, type KeyCheck } from "./check-api-key";
import { decryptRow, loadApiKeyRow } from "./open-api-key";
import { toApiKey } from "./to-api-key";

/** "Test again": decrypts the stored key, asks the provider, records the outcome. */
export async function retestApiKey(user: AuthUser, id: string) {
  const { row, setting } = await asUser(user.id, async (tx) => {
    const row = await loadApiKeyRow(tx, { userId: user.id, id });
    return { row, setting: await getProviderSettingRow(tx, user.id, row.provider) };
  });
  let check: KeyCheck;
  try {
    const apiKey = await decryptRow(row);
    check = await checkApiKey({ provider: row.provider, apiKey, baseUrl: setting?.baseUrl });
  } catch (error) {
    if (!(error instanceof VaultDecryptionError)) throw error;
    check = { status: "failing", message: "This key can no longer be decrypted. Delete it and add it again." };
  }
  const [updated] = await asUser(user.id, (tx) =>
    tx
      .update(userApiKeys)
      .set({ status: check.status, statusMessage: check.message, lastCheckedAt: new Date() })
      .where(eq(userApiKeys.id, row.id))
      .returning(),
  );
  return toApiKey(updated ?? row);
}
