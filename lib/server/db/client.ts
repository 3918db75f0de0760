import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A query handle: the database itself (service path) or a transaction (possibly an RLS one). */
export type Executor = Db | Tx;

/** Plain SQL, for migrations and set-up: several statements, no parameters. */
export interface RawSql {
  exec(text: string): Promise<void>;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** Typed query layer. Used directly it is the service path: no RLS role is set. */
  db: Db;
  raw: RawSql;
  rawTransaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const raw = (q: Pick<PGlite, "exec" | "query">): RawSql => ({
    exec: async (text) => {
      await q.exec(text);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await q.query<T>(text, params)).rows,
  });
  return {
    kind: "pglite",
    db: drizzlePglite({ client, schema }) as unknown as Db,
    raw: raw(client),
    rawTransaction: (fn) => client.transaction((tx) => fn(raw(tx))),
    close: () => client.close(),
  };
}

export function openPostgres(url: string, options: { max?: number; prepare?: boolean } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    connection: { application_name: "atelier" },
  });
  const raw = (q: postgres.Sql | postgres.TransactionSql): RawSql => ({
    exec: async (text) => {
      await q.unsafe(text);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
  });
  return {
    kind: "postgres",
    db: drizzlePostgres({ client: sql, schema }) as unknown as Db,
    raw: raw(sql),
    rawTransaction: (fn) => sql.begin((tx) => fn(raw(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}

/** Rows of a drizzle `execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
