import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { userApiKeys } from "../db/schema";
import { toApiKey } from "./to-api-key";

export async function listApiKeys(db: Executor, { userId }: { userId: string }) {
  const rows = await db
    .select()
    .from(userApiKeys)
    .where(eq(userApiKeys.userId, userId))
    .orderBy(asc(userApiKeys.provider), asc(userApiKeys.createdAt));
  return rows.map(toApiKey);
}
