import "server-only";
import path from "node:path";
import { type AppConfig, getConfig } from "../config";
import { type Database, openPglite, openPostgres } from "./client";
import { migrate } from "./migrate";

type Holder = { database?: Promise<Database> };
// One database per process, kept on globalThis so dev-mode module reloads do not open PGlite twice.
const globalRef = globalThis as { __atelierDb?: Holder };
globalRef.__atelierDb ??= {};
const holder: Holder = globalRef.__atelierDb;

async function openFromConfig(config: AppConfig): Promise<Database> {
  if (config.mode === "embedded") {
    const database = await openPglite(path.join(config.dataDir, "db"));
    await migrate(database, { bootstrap: true });
    return database;
  }
  return openPostgres(config.databaseUrl as string, { prepare: config.mode !== "supabase" });
}

/** The process's database, opened (and, in embedded mode, migrated) on first use. */
export function getDatabase(): Promise<Database> {
  holder.database ??= openFromConfig(getConfig()).catch((error: unknown) => {
    holder.database = undefined;
    throw error;
  });
  return holder.database;
}

/** Tests and tools install their own database here. */
export function setDatabase(database: Database | undefined): void {
  holder.database = database ? Promise.resolve(database) : undefined;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.database;
  holder.database = undefined;
  if (current) await (await current).close();
}
