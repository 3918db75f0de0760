import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { createUser, sessionCookie, tableSnapshot, useTestDatabase } from "../support/db";
import { call } from "../support/http";
import { ROUTES } from "../support/routes";

let database: Database;
let cookie: string;
let projectId: string;

type Variant = { label: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; expect: number[] };

function variantsFor(validBody: Record<string, unknown>): Variant[] {
  const json = { "content-type": "application/json" };
  const v: Variant[] = [
    { label: "malformed JSON", rawBody: '{"name": "x",', headers: json, expect: [400] },
    { label: "empty body", rawBody: "", headers: json, expect: [400] },
    {
      label: "wrong content type",
      rawBody: JSON.stringify(validBody),
      headers: { "content-type": "text/plain" },
      expect: [415],
    },
    { label: "JSON array", body: [validBody], expect: [422] },
    { label: "JSON null", body: null, expect: [422] },
    { label: "JSON number", body: 42, expect: [422] },
    { label: "unknown field", body: { ...validBody, isAdmin: true }, expect: [422] },
    { label: "body over the size limit", body: { ...validBody, pad: "x".repeat(300_000) }, expect: [413] },
  ];
  if (Object.keys(validBody).length > 0) v.push({ label: "missing fields", body: {}, expect: [422] });
  for (const [key, value] of Object.entries(validBody)) {
    const wrong = typeof value === "string" ? [true, { a: 1 }, ["x"]] : ["not-the-right-type", { a: 1 }];
    for (const w of wrong)
      v.push({ label: `${key} as ${JSON.stringify(w)}`, body: { ...validBody, [key]: w }, expect: [422] });
    if (typeof value === "string") {
      v.push({ label: `${key} oversized`, body: { ...validBody, [key]: "x".repeat(6000) }, expect: [413, 422] });
    }
  }
  return v;
}

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createUser(database);
  cookie = await sessionCookie(database, user.id);
  const [p] = await database.raw.query<{ id: string }>(
    "insert into public.projects (user_id, name) values ($1, 'Existing') returning id",
    [user.id],
  );
  projectId = (p as { id: string }).id;
});
afterAll(() => database.close());

describe.each(ROUTES.filter((r) => r.validBody))("bad input to $name", (route) => {
  it.each(variantsFor(route.validBody as Record<string, unknown>))(
    "$label → 4xx envelope, nothing written",
    async (variant) => {
      const before = await tableSnapshot(database);
      const res = await call(route.handler, {
        method: route.method,
        cookie,
        path: `/api/x${route.validQuery ?? ""}`,
        params: route.params ? { id: projectId } : undefined,
        body: variant.body,
        rawBody: variant.rawBody,
        headers: variant.headers,
      });
      expect(route.lenientBody ? [...variant.expect, 404] : variant.expect).toContain(res.status);
      expect(res.json).toMatchObject({ success: false, error: expect.any(String), message: expect.any(String) });
      expect(res.json.details).toBeTypeOf("object");
      expect(res.text).not.toMatch(/at \S+ \(|node_modules|\.ts:\d+/);
      expect(await tableSnapshot(database)).toBe(before);
    },
  );
});

describe("bad path and query parameters", () => {
  it.each(ROUTES.filter((r) => r.params))("$name with a malformed id → 404", async (route) => {
    for (const id of ["not-a-uuid", "1", "'; drop table projects; --", "x".repeat(5000)]) {
      const res = await call(route.handler, {
        method: route.method,
        cookie,
        params: { id },
        body: route.validBody,
      });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ success: false, error: "NOT_FOUND" });
    }
  });

  it.each(ROUTES.filter((r) => r.query))("$name with a bad query → 422", async (route) => {
    for (const q of ["?archived=maybe", "?unknown=1", `?archived=${"x".repeat(3000)}`]) {
      const res = await call(route.handler, {
        method: route.method,
        cookie,
        path: `/api/x${q}`,
        params: route.params ? { id: projectId } : undefined,
      });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
    }
  });
});
