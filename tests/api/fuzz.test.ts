import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { createUser, sessionCookie, tableSnapshot, useTestDatabase } from "../support/db";
import { call } from "../support/http";
import { ROUTES } from "../support/routes";

// A seeded generator, so a failing case can be replayed exactly (FUZZ_SEED=… to explore others).
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const CASES = 1200;

const NASTY: unknown[] = [
  { $gt: "" },
  { __proto__: { admin: true } },
  [[[[[[[[[[]]]]]]]]]],
  "x".repeat(70_000),
  "\u0000\u202e\ud800",
  "'; drop table projects; --",
  "<script>alert(1)</script>",
  Number.POSITIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  { toString: "x" },
];
const RAW_BODIES = [
  '{"a":',
  "[1,2",
  "nul",
  "\u0000",
  "{}}",
  '{"__proto__":{"x":1}}garbage',
  "true false",
  "👀".repeat(50),
];

let database: Database;
let cookie: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createUser(database);
  cookie = await sessionCookie(database, user.id);
});
afterAll(() => database.close());

describe("fuzz", () => {
  it(`${CASES} malformed, oversized and type-confused requests (seed ${SEED}) get only 4xx envelopes and write nothing`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const targets = ROUTES.filter((r) => r.validBody || r.params || r.query);
    const before = await tableSnapshot(database, ["auth.login_throttle"]);
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const route = pick(targets);
      const headers: Record<string, string> = {};
      if (random() < 0.2) headers["content-length"] = String(Math.floor(random() * 1e9));
      if (random() < 0.1) headers["x-forwarded-for"] = pick(["::1", "999.1.1.1", "a".repeat(300), ""]);
      const useCookie =
        random() < 0.8
          ? cookie
          : pick([
              "atelier_session=",
              "atelier_session=%ZZ",
              `atelier_session=${"a".repeat(5000)}`,
              "sb-x-auth-token=garbage",
            ]);
      let params: Record<string, string> | undefined = route.params
        ? { id: pick(["not-a-uuid", "", "../../etc/passwd", "%00", "1".repeat(500)]) }
        : undefined;
      let path = `/api/fuzz${route.validQuery ?? ""}`;
      let body: unknown;
      let rawBody: string | undefined;
      const flavour = route.validBody ? Math.floor(random() * 5) : 5;
      if (route.params && random() < 0.5)
        params = { id: `00000000-0000-4000-8000-00000000000${Math.floor(random() * 10)}` };
      if (flavour === 0) {
        rawBody = pick(RAW_BODIES);
        headers["content-type"] = "application/json";
      } else if (flavour === 1) {
        body = { ...(route.validBody ?? {}), [`unknown_${i}`]: pick(NASTY) };
      } else if (flavour === 2) {
        const key = pick(Object.keys(route.validBody ?? { x: 1 }));
        body = { ...(route.validBody ?? {}), [key]: pick(NASTY.filter((v) => typeof v === "object" && v !== null)) };
      } else if (flavour === 3) {
        body = pick([null, 42, "text", [route.validBody], true]);
      } else if (flavour === 4) {
        rawBody = JSON.stringify(route.validBody);
        headers["content-type"] = pick([
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "",
        ]);
      } else {
        // no body: break the query (unknown key or a bad value) or the path parameter
        const q = pick([
          `?${"k".repeat(50)}=1`,
          "?archived=maybe",
          "?limit=-1",
          "?limit=1e9",
          "?cursor=%%%",
          "?type=<svg>",
          "?from=2026-13-45",
          `?q=${"x".repeat(300)}`,
        ]);
        path = `/api/fuzz${q}`;
        if (route.params && !route.query) params = { id: pick(["nope", "%2e%2e", "0".repeat(36)]) };
      }
      const res = await call(route.handler, {
        method: route.method,
        cookie: useCookie,
        path,
        params,
        body,
        rawBody,
        headers,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const context = `case ${i} (${route.name}, flavour ${flavour}) → ${res.status} ${res.text.slice(0, 200)}`;
      expect(res.status >= 400 && res.status < 500, context).toBe(true);
      expect(res.json, context).toMatchObject({
        success: false,
        error: expect.any(String),
        message: expect.any(String),
      });
      expect(res.text, context).not.toMatch(/at \S+ \(|node_modules|\.ts:\d+|Error:/);
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(CASES);
    expect(await tableSnapshot(database, ["auth.login_throttle"])).toBe(before);
  }, 240_000);
});
