import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as createProject, GET as listProjects } from "@/app/api/projects/route";
import { setAuth } from "@/lib/server/auth";
import { createSupabaseAuth } from "@/lib/server/auth/supabase";
import type { Database } from "@/lib/server/db/client";
import { count, useTestDatabase } from "../support/db";
import { type CallResult, call } from "../support/http";
import { startSupabaseAuthStandIn } from "../support/supabase-auth-server";

let database: Database;
let standIn: Awaited<ReturnType<typeof startSupabaseAuthStandIn>>;
const ANON_KEY = "anon-key-for-tests";

/** All sb-* cookies a response set, as a request cookie header. */
function supabaseCookies(res: CallResult): string {
  return res.headers
    .getSetCookie()
    .filter((c) => c.startsWith("sb-"))
    .map((c) => c.split(";")[0])
    .join("; ");
}

beforeAll(async () => {
  database = await useTestDatabase();
  standIn = await startSupabaseAuthStandIn(database, ANON_KEY);
  setAuth(createSupabaseAuth({ url: standIn.url, anonKey: ANON_KEY }, false));
});
afterAll(async () => {
  setAuth(undefined);
  await standIn.close();
  await database.close();
});

describe("Supabase Auth adapter (against a loopback stand-in of its endpoints)", () => {
  it("signs up through Supabase Auth, keeps the session in sb- cookies, and RLS works for that user", async () => {
    const email = `supa-${randomUUID()}@example.test`;
    const res = await call(signup, { method: "POST", body: { email, password: "a sturdy passphrase", name: "Sup" } });
    expect(res.status).toBe(201);
    const cookie = supabaseCookies(res);
    expect(cookie).toMatch(/^sb-127-auth-token/);
    expect(res.headers.getSetCookie().find((c) => c.startsWith("sb-"))).toMatch(/HttpOnly.*SameSite=Lax/);
    expect(standIn.requests.every((r) => r.apikey === ANON_KEY)).toBe(true);

    const profile = await call(me, { cookie });
    expect(profile.status).toBe(200);
    expect(profile.json.data.user).toMatchObject({ email, name: "Sup" });

    const created = await call(createProject, { method: "POST", cookie, body: { name: "From Supabase" } });
    expect(created.status).toBe(201);
    const listed = await call(listProjects, { cookie });
    expect(listed.json.data.map((p: { name: string }) => p.name)).toEqual(["From Supabase"]);
  });

  it("logs in, maps wrong passwords and duplicates to our codes, and logout revokes the session", async () => {
    const email = `supa-${randomUUID()}@example.test`;
    await call(signup, { method: "POST", body: { email, password: "a sturdy passphrase" } });
    const dup = await call(signup, { method: "POST", body: { email, password: "a sturdy passphrase" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toBe("EMAIL_TAKEN");
    expect(await count(database, "auth.users", "email = $1", [email])).toBe(1);

    const wrong = await call(login, { method: "POST", body: { email, password: "not the passphrase" } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe("INVALID_CREDENTIALS");

    const ok = await call(login, { method: "POST", body: { email, password: "a sturdy passphrase" } });
    expect(ok.status).toBe(200);
    const cookie = supabaseCookies(ok);
    expect((await call(me, { cookie })).status).toBe(200);
    const sessionsBefore = standIn.activeSessions();
    expect((await call(logout, { method: "POST", cookie })).status).toBe(200);
    expect(standIn.activeSessions()).toBe(sessionsBefore - 1);
    expect((await call(me, { cookie })).status).toBe(401);
  });

  it("applies the same password policy before calling Supabase", async () => {
    const before = standIn.requests.length;
    const res = await call(signup, {
      method: "POST",
      body: { email: `w-${randomUUID()}@example.test`, password: "short" },
    });
    expect(res.status).toBe(422);
    expect(standIn.requests.length).toBe(before);
  });
});
