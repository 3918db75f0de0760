import { createHash, randomBytes, randomUUID } from "node:crypto";
import { inject } from "vitest";
import { setDatabase } from "@/lib/server/db";
import { type Database, openPglite, openPostgres } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";

export const onPostgres = () => inject("pgUrl") != null;

/** The database for this test file: a fresh in-memory PGlite, or the run's throwaway PostgreSQL database. */
export async function useTestDatabase(): Promise<Database> {
  const url = inject("pgUrl");
  const database = url ? openPostgres(url, { max: 4 }) : await openPglite();
  await migrate(database, { bootstrap: true });
  setDatabase(database);
  return database;
}

/** A user created the way auth does it (a row in auth.users; the trigger adds public.users). */
export async function createUser(database: Database, email = `user-${randomUUID()}@example.test`) {
  const [row] = await database.raw.query<{ id: string }>("insert into auth.users (email) values ($1) returning id", [
    email,
  ]);
  return { id: (row as { id: string }).id, email };
}

/** A local session for a user, as the cookie header a browser would send. */
export async function sessionCookie(database: Database, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await database.raw.query(
    "insert into auth.local_sessions (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')",
    [createHash("sha256").update(token).digest("hex"), userId],
  );
  return `atelier_session=${token}`;
}

export async function count(database: Database, table: string, where = "true", params: unknown[] = []) {
  const [row] = await database.raw.query<{ n: string }>(
    `select count(*)::text as n from ${table} where ${where}`,
    params,
  );
  return Number(row?.n ?? 0);
}

/** A fingerprint of every row of every table in public and auth: equal before and after means nothing was written. */
export async function tableSnapshot(database: Database, skip: string[] = []): Promise<string> {
  const tables = await database.raw.query<{ t: string }>(
    "select schemaname || '.' || tablename as t from pg_tables where schemaname in ('public', 'auth') order by 1",
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    if (skip.includes(t)) continue;
    const [row] = await database.raw.query<{ n: string; h: string | null }>(
      `select count(*)::text as n, md5(string_agg(x::text, ',' order by x::text)) as h from ${t} x`,
    );
    parts.push(`${t}:${row?.n}:${row?.h}`);
  }
  return parts.join("\n");
}
