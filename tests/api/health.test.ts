import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { setDatabase } from "@/lib/server/db";
import { type Database, openPostgres } from "@/lib/server/db/client";
import { createUser, sessionCookie, useTestDatabase } from "../support/db";
import { useTempStorage } from "../support/generation";
import { call } from "../support/http";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  useTempStorage();
});
afterAll(() => database.close());

describe("GET /api/health", () => {
  it("reports database and storage, and the signed-in user's provider circuits", async () => {
    const anonymous = await call(health);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json.data).toMatchObject({ status: "ok", database: { ok: true }, storage: { ok: true } });
    expect(anonymous.json.data.providers).toBeUndefined();

    const user = await createUser(database);
    await database.raw.query(
      "insert into public.provider_health (user_id, provider, status, failure_count, last_failure_at) values ($1, 'openai', 'down', 3, now())",
      [user.id],
    );
    const res = await call(health, { cookie: await sessionCookie(database, user.id) });
    expect(res.json.data.providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: "openai", circuit: "open", failureCount: 3 }),
        expect.objectContaining({ provider: "anthropic", circuit: "closed" }),
      ]),
    );
  });

  it("answers 503 when the database is unreachable, and recovers when it is back", async () => {
    // Nothing listens on port 1: every connection is refused at once.
    const gone = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    setDatabase(gone);
    try {
      const down = await call(health);
      expect(down.status).toBe(503);
      expect(down.json.data.database.ok).toBe(false);
    } finally {
      await gone.close();
      setDatabase(database);
    }
    expect((await call(health)).status).toBe(200);
  });

  it("a route answers 503 in the envelope (not 500) while the database is away", async () => {
    const { GET: projects } = await import("@/app/api/projects/route");
    const user = await createUser(database);
    const cookie = await sessionCookie(database, user.id);
    const gone = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    setDatabase(gone);
    try {
      const res = await call(projects, { cookie });
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ success: false, error: "SERVICE_UNAVAILABLE" });
      expect(res.headers.get("retry-after")).toBe("5");
    } finally {
      await gone.close();
      setDatabase(database);
    }
    expect((await call(projects, { cookie })).status).toBe(200);
  });
});
