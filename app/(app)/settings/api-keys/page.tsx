import type { Metadata } from "next";
import { ApiKeysManager } from "@/components/settings/api-keys-manager";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { asUser } from "@/lib/server/db/rls";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requirePageUser();
  const keys = await asUser(user.id, (tx) => listApiKeys(tx, { userId: user.id }));
  return <ApiKeysManager keys={keys} />;
}
