import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { createUser, sessionCookie, tableSnapshot, useTestDatabase } from "../support/db";
import { call } from "../support/http";
import { ROUTES } from "../support/routes";

let database: Database;
let cookie: string;
let projectId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createUser(database);
  cookie = await sessionCookie(database, user.id);
  const [p] = await database.raw.query<{ id: string }>(
    "insert into public.projects (user_id, name) values ($1, 'P') returning id",
    [user.id],
  );
  projectId = (p as { id: string }).id;
});
afterAll(() => database.close());

const MUTATING = ROUTES.filter((r) => r.method !== "GET");

describe("cross-site requests", () => {
  it.each(MUTATING)("$name refuses a forged cross-site request with 403 and changes nothing", async (route) => {
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://sub.localhost" },
      { origin: "null" },
    ]) {
      const before = await tableSnapshot(database);
      const res = await call(route.handler, {
        method: route.method,
        cookie,
        path: `/api/x${route.validQuery ?? ""}`,
        params: route.params ? { id: projectId } : undefined,
        body: route.validBody,
        headers,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json).toMatchObject({ success: false, error: "CROSS_SITE_REQUEST" });
      expect(await tableSnapshot(database)).toBe(before);
    }
  });

  it("a same-origin request from the app goes through", async () => {
    const { PUT } = await import("@/app/api/projects/[id]/route");
    const res = await call(PUT, {
      method: "PUT",
      cookie,
      params: { id: projectId },
      body: { name: "Renamed" },
      headers: { origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.name).toBe("Renamed");
  });
});
