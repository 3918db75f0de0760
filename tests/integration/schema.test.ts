import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { createUser, useTestDatabase } from "../support/db";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const SEED_TABLES = [
  "users",
  "projects",
  "assets",
  "generations",
  "user_api_keys",
  "provider_health",
  "usage_analytics",
  "budget_alerts",
  "provider_settings",
];

describe("schema", () => {
  it("has the seed's eight tables (and provider_settings), each with RLS enabled and policies", async () => {
    const rows = await database.raw.query<{ relname: string; relrowsecurity: boolean; policies: number }>(
      `select c.relname, c.relrowsecurity,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
         from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`,
    );
    for (const table of SEED_TABLES) {
      const row = rows.find((r) => r.relname === table);
      expect(row, table).toBeDefined();
      expect(row?.relrowsecurity, `${table} has RLS`).toBe(true);
      expect(row?.policies, `${table} has policies`).toBeGreaterThan(0);
    }
    for (const row of rows) expect(row.relrowsecurity, `${row.relname} has RLS`).toBe(true);
  });

  it("evaluates auth.uid() once per query in every policy", async () => {
    const policies = await database.raw.query<{ policyname: string; qual: string | null; with_check: string | null }>(
      "select policyname, qual, with_check from pg_policies where schemaname = 'public'",
    );
    for (const p of policies) {
      for (const expr of [p.qual, p.with_check]) {
        if (!expr) continue;
        const bare = expr.replace(/\(\s*select auth\.uid\(\) as uid\s*\)/gi, "");
        expect(bare, p.policyname).not.toMatch(/auth\.uid\(\)/);
      }
    }
  });

  it("indexes every foreign key (as the leading column of some index)", async () => {
    const missing = await database.raw.query<{ fk: string }>(
      `select c.conrelid::regclass::text || '.' || a.attname as fk
         from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
          and not exists (
            select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
          )`,
    );
    expect(missing).toEqual([]);
  });

  it("keeps money exact: 10,000 × $0.000495 sums to exactly $4.95", async () => {
    const user = await createUser(database);
    const [project] = await database.raw.query<{ id: string }>(
      "insert into public.projects (user_id, name, budget_cents) values ($1, 'Money', '100') returning id",
      [user.id],
    );
    await database.raw.query(
      `insert into public.generations (project_id, user_id, provider, model, generation_type, prompt, status, cost_cents)
       select $1, $2, 'openai', 'gpt-4o', 'text', 'p', 'completed', 0.0495 from generate_series(1, 10000)`,
      [project?.id, user.id],
    );
    const [sum] = await database.raw.query<{ total: string }>(
      "select sum(cost_cents)::text as total from public.generations where project_id = $1",
      [project?.id],
    );
    expect(sum?.total).toBe("495.0000");
    const [stored] = await database.raw.query<{ cost: string }>(
      "select cost_cents::text as cost from public.generations where project_id = $1 limit 1",
      [project?.id],
    );
    expect(stored?.cost).toBe("0.0495");
  });

  it("creates the public profile row from auth.users by trigger", async () => {
    const user = await createUser(database, "Trigger@Example.test");
    const [row] = await database.raw.query<{ email: string }>("select email from public.users where id = $1", [
      user.id,
    ]);
    expect(row?.email).toBe("Trigger@Example.test");
  });
});
