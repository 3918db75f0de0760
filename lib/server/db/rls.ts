import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Db, Tx } from "./client";
import { getDatabase } from "./index";

/**
 * Runs a unit of work as a user, the way Supabase's PostgREST does: one transaction with
 * `role = authenticated` and the JWT claims set locally, so RLS policies decide what it can touch.
 */
export async function asUser<T>(userId: string, work: (tx: Tx) => Promise<T>, database?: Database): Promise<T> {
  const { db } = database ?? (await getDatabase());
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`,
    );
    return work(tx);
  });
}

/**
 * The service path: bypasses RLS (the connecting role owns the tables). Only for migrations,
 * auth bookkeeping and system jobs; never for work done on a user's behalf.
 */
export async function asService<T>(work: (db: Db) => Promise<T>, database?: Database): Promise<T> {
  const { db } = database ?? (await getDatabase());
  return work(db);
}
