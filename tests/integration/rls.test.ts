import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rowsOf } from "@/lib/server/db/client";
import { asUser } from "@/lib/server/db/rls";
import { pgErrorCode } from "@/lib/server/http/errors";
import { createUser, useTestDatabase } from "../support/db";

let database: Database;
let alice: { id: string };
let bob: { id: string };
let aliceProject: string;
let bobProject: string;

type TableCase = {
  table: string;
  owner: string;
  /** columns and values (SQL literals with $owner / $project placeholders) for a row */
  row: Record<string, string>;
  update: string;
};

const CASES: TableCase[] = [
  { table: "users", owner: "id", row: {}, update: "name = 'hacked'" },
  { table: "projects", owner: "user_id", row: { name: "'p'" }, update: "name = 'hacked'" },
  {
    table: "generations",
    owner: "user_id",
    row: {
      project_id: "$project",
      provider: "'openai'",
      model: "'gpt-4o'",
      generation_type: "'text'",
      prompt: "'secret prompt'",
    },
    update: "prompt = 'hacked'",
  },
  { table: "assets", owner: "user_id", row: { project_id: "$project", type: "'image'" }, update: "name = 'hacked'" },
  {
    table: "user_api_keys",
    owner: "user_id",
    row: { provider: "'openai'", key_name: "'k'", encrypted_key: "'x'", encryption_iv: "'x'", encryption_salt: "'x'" },
    update: "key_name = 'hacked'",
  },
  { table: "provider_health", owner: "user_id", row: { provider: "'openai'" }, update: "failure_count = 99" },
  { table: "provider_settings", owner: "user_id", row: { provider: "'openai'" }, update: "enabled = false" },
  {
    table: "usage_analytics",
    owner: "user_id",
    row: { project_id: "$project", period_type: "'daily'", period_start: "current_date" },
    update: "request_count = 99",
  },
  {
    table: "budget_alerts",
    owner: "user_id",
    row: { project_id: "$project", alert_type: "'threshold_reached'" },
    update: "acknowledged_at = now()",
  },
];

function values(c: TableCase, owner: string, project: string) {
  const cols = [c.owner, ...Object.keys(c.row)];
  const vals = [`'${owner}'`, ...Object.values(c.row).map((v) => v.replace("$project", `'${project}'`))];
  return { cols: cols.join(", "), vals: vals.join(", ") };
}

async function asBob(statement: string) {
  return asUser(bob.id, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql.raw(statement))), database);
}

/** Refused outright (no privilege) or matched no row: either way nothing of the other user's was touched. */
async function touchedRows(statement: string): Promise<number> {
  try {
    return (await asBob(statement)).length;
  } catch (error) {
    expect(pgErrorCode(error)).toBe("42501");
    return 0;
  }
}

async function errorCodeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return pgErrorCode(error) ?? "thrown";
  }
}

beforeAll(async () => {
  database = await useTestDatabase();
  alice = await createUser(database);
  bob = await createUser(database);
  const insertProject = "insert into public.projects (user_id, name) values ($1, 'P') returning id";
  aliceProject = ((await database.raw.query<{ id: string }>(insertProject, [alice.id]))[0] as { id: string }).id;
  bobProject = ((await database.raw.query<{ id: string }>(insertProject, [bob.id]))[0] as { id: string }).id;
});
afterAll(() => database.close());

describe.each(CASES)("RLS on $table", (c) => {
  let aliceRow: string;

  beforeAll(async () => {
    if (c.table === "users") {
      aliceRow = alice.id;
      return;
    }
    const v = values(c, alice.id, aliceProject);
    const [row] = await database.raw.query<{ id: string }>(
      `insert into public.${c.table} (${v.cols}) values (${v.vals}) returning id`,
    );
    aliceRow = (row as { id: string }).id;
  });

  const snapshot = async () =>
    JSON.stringify(await database.raw.query(`select * from public.${c.table} where id = $1`, [aliceRow]));

  it("another user cannot select it", async () => {
    expect(await asBob(`select id from public.${c.table} where id = '${aliceRow}'`)).toEqual([]);
    const all = await asBob(`select ${c.owner} as id from public.${c.table}`);
    expect(all.every((r) => r.id === bob.id)).toBe(true);
  });

  it("another user cannot update it", async () => {
    const before = await snapshot();
    expect(await touchedRows(`update public.${c.table} set ${c.update} where id = '${aliceRow}' returning id`)).toBe(0);
    expect(await snapshot()).toBe(before);
  });

  it("another user cannot delete it", async () => {
    expect(await touchedRows(`delete from public.${c.table} where id = '${aliceRow}' returning id`)).toBe(0);
    expect(await snapshot()).not.toBe("[]");
  });

  it("another user cannot insert a row owned by the first", async () => {
    if (c.table === "users") {
      const code = await errorCodeOf(asBob(`insert into public.users (id, email) values ('${alice.id}', 'x@y.z')`));
      expect(code).toBe("42501");
      return;
    }
    const v = values(c, alice.id, aliceProject);
    expect(await errorCodeOf(asBob(`insert into public.${c.table} (${v.cols}) values (${v.vals})`))).toBe("42501");
  });

  if (Object.values(c.row).includes("$project")) {
    it("another user cannot attach a row of their own to the first user's project", async () => {
      const v = values(c, bob.id, aliceProject);
      expect(await errorCodeOf(asBob(`insert into public.${c.table} (${v.cols}) values (${v.vals})`))).toBe("42501");
      const own = values(c, bob.id, bobProject);
      expect(await asBob(`insert into public.${c.table} (${own.cols}) values (${own.vals}) returning id`)).toHaveLength(
        1,
      );
    });
  }
});

describe("RLS without a user", () => {
  it("the authenticated role with no claims sees no rows", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'authenticated', true)`);
      return rowsOf(await tx.execute(sql`select id from public.projects`));
    });
    expect(rows).toEqual([]);
  });

  it("the authenticated role cannot read auth tables (sessions, password hashes)", async () => {
    const code = await errorCodeOf(asUser(alice.id, (tx) => tx.execute(sql`select * from auth.users`), database));
    expect(code).toBe("42501");
    const code2 = await errorCodeOf(
      asUser(alice.id, (tx) => tx.execute(sql`select * from auth.local_sessions`), database),
    );
    expect(code2).toBe("42501");
  });

  it("a user cannot change their own e-mail in public.users (only name and avatar)", async () => {
    const code = await errorCodeOf(
      asUser(
        alice.id,
        (tx) => tx.execute(sql`update public.users set email = 'x@y.z' where id = ${alice.id}`),
        database,
      ),
    );
    expect(code).toBe("42501");
  });
});
