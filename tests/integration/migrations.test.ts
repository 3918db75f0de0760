import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { migrate, migrationFiles } from "@/lib/server/db/migrate";
import { useTestDatabase } from "../support/db";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

/** Everything a migration could change: columns, constraints, indexes, policies, functions, triggers, grants. */
async function schemaSnapshot(db: Database): Promise<string> {
  const parts = await Promise.all([
    db.raw.query(
      "select table_schema, table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema in ('public','auth','atelier_meta') order by 1,2,3",
    ),
    db.raw.query(
      "select conrelid::regclass::text as rel, conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace in ('public'::regnamespace, 'auth'::regnamespace) order by 1,2",
    ),
    db.raw.query(
      "select schemaname, indexname, indexdef from pg_indexes where schemaname in ('public','auth') order by 1,2",
    ),
    db.raw.query("select tablename, policyname, cmd, qual, with_check from pg_policies order by 1,2"),
    db.raw.query(
      "select p.proname, pg_get_functiondef(p.oid) as def from pg_proc p where p.pronamespace in ('public'::regnamespace,'auth'::regnamespace) order by 1",
    ),
    db.raw.query("select tgname, tgrelid::regclass::text as rel from pg_trigger where not tgisinternal order by 1"),
    db.raw.query(
      "select table_name, grantee, privilege_type from information_schema.role_table_grants where table_schema = 'public' order by 1,2,3",
    ),
    db.raw.query("select name, checksum from atelier_meta.schema_migrations order by 1"),
  ]);
  return JSON.stringify(parts);
}

describe("migrations", () => {
  it("records every file once and applying them again changes nothing", async () => {
    const files = migrationFiles({ bootstrap: true });
    const recorded = await database.raw.query<{ name: string }>(
      "select name from atelier_meta.schema_migrations order by name",
    );
    expect(recorded.map((r) => r.name)).toEqual(files.map((f) => f.name).sort());
    const before = await schemaSnapshot(database);
    expect(await migrate(database, { bootstrap: true })).toEqual([]);
    expect(await migrate(database, { bootstrap: true })).toEqual([]);
    expect(await schemaSnapshot(database)).toBe(before);
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "atelier-mig-"));
    cpSync(path.resolve("supabase"), root, { recursive: true });
    const [first] = migrationFiles({ bootstrap: false, root });
    appendFileSync(path.join(root, "migrations", (first as { name: string }).name), "\n-- edited\n");
    await expect(migrate(database, { bootstrap: true, root })).rejects.toThrow(/was changed after it was applied/);
  });

  it("the bootstrap is idempotent on its own, as Supabase-compat SQL must be", async () => {
    const [bootstrap] = migrationFiles({ bootstrap: true });
    const before = await schemaSnapshot(database);
    await database.raw.exec((bootstrap as { sql: string }).sql);
    expect(await schemaSnapshot(database)).toBe(before);
  });
});
