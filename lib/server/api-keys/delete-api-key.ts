import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { userApiKeys } from "../db/schema";
import { AppError } from "../http/errors";

export async function deleteApiKey(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .delete(userApiKeys)
    .where(and(eq(userApiKeys.id, id), eq(userApiKeys.userId, userId)))
    .returning({ id: userApiKeys.id });
  if (!row) throw AppError.notFound("API key");
  return { id: row.id };
}
