import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "./client";

export type MigrationFile = { name: string; sql: string; checksum: string };

const ROOT = path.join(process.cwd(), "supabase");

function readSqlDir(dir: string, prefix: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const sql = readFileSync(path.join(dir, f), "utf8");
      return { name: `${prefix}${f}`, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The files to apply, in order: the Supabase-compat bootstrap (not on Supabase), then supabase/migrations. */
export function migrationFiles(options: { bootstrap: boolean; root?: string }): MigrationFile[] {
  const root = options.root ?? ROOT;
  return [
    ...(options.bootstrap ? readSqlDir(path.join(root, "bootstrap"), "bootstrap/") : []),
    ...readSqlDir(path.join(root, "migrations"), ""),
  ];
}

/**
 * Applies every migration not yet recorded in atelier_meta.schema_migrations, each in its own transaction
 * under an advisory lock, so that instances starting together apply each file exactly once.
 * A recorded migration whose file has since changed stops the run.
 */
export async function migrate(database: Database, options: { bootstrap: boolean; root?: string }): Promise<string[]> {
  const applied: string[] = [];
  for (const file of migrationFiles(options)) {
    const didApply = await database.rawTransaction(async (tx) => {
      await tx.exec("select pg_advisory_xact_lock(4242001)");
      await tx.exec(
        "create schema if not exists atelier_meta;" +
          "create table if not exists atelier_meta.schema_migrations (" +
          "name text primary key, checksum text not null, applied_at timestamptz not null default now())",
      );
      const [row] = await tx.query<{ checksum: string }>(
        "select checksum from atelier_meta.schema_migrations where name = $1",
        [file.name],
      );
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await tx.exec(file.sql);
      await tx.query("insert into atelier_meta.schema_migrations (name, checksum) values ($1, $2)", [
        file.name,
        file.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(file.name);
  }
  return applied;
}
