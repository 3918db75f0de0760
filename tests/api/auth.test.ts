import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import type { Database } from "@/lib/server/db/client";
import { count, useTestDatabase } from "../support/db";
import { call, cookieFrom } from "../support/http";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const email = () => `auth-${randomUUID()}@example.test`;
const PASSWORD = "a sturdy passphrase";
const ip = () => ({ "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7` });

describe("auth", () => {
  it("signs up, sets a hardened session cookie, stores only a scrypt hash, and /me answers", async () => {
    const address = email();
    const res = await call(signup, {
      method: "POST",
      body: { email: address, password: PASSWORD, name: "Ada" },
      headers: ip(),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ success: true, data: { user: { email: address } } });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("atelier_session="));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const [row] = await database.raw.query<{ encrypted_password: string }>(
      "select encrypted_password from auth.users where email = $1",
      [address],
    );
    expect(row?.encrypted_password).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(row?.encrypted_password).not.toContain(PASSWORD);
    const profile = await call(me, { cookie: cookieFrom(res) });
    expect(profile.status).toBe(200);
    expect(profile.json.data.user).toMatchObject({ email: address, name: "Ada" });
  });

  it("refuses a duplicate e-mail (any case) with 409 and writes nothing", async () => {
    const address = email();
    expect(
      (await call(signup, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() })).status,
    ).toBe(201);
    const users = await count(database, "auth.users");
    const again = await call(signup, {
      method: "POST",
      body: { email: address.toUpperCase(), password: PASSWORD },
      headers: ip(),
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ success: false, error: "EMAIL_TAKEN" });
    expect(await count(database, "auth.users")).toBe(users);
  });

  it.each(["short", "password123", "aaaaaaaaaaaa", "abababababab"])(
    "refuses the weak password %j with 422",
    async (pw) => {
      const address = email();
      const res = await call(signup, { method: "POST", body: { email: address, password: pw }, headers: ip() });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ success: false, error: "WEAK_PASSWORD", details: { field: "password" } });
      expect(await count(database, "auth.users", "email = $1", [address])).toBe(0);
    },
  );

  it("refuses a wrong password and an unknown e-mail alike, with 401", async () => {
    const address = email();
    await call(signup, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    const wrong = await call(login, {
      method: "POST",
      body: { email: address, password: "not the passphrase" },
      headers: ip(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ success: false, error: "INVALID_CREDENTIALS" });
    expect(cookieFrom(wrong)).toBeUndefined();
    const unknown = await call(login, { method: "POST", body: { email: email(), password: PASSWORD }, headers: ip() });
    expect(unknown.status).toBe(401);
    expect(unknown.json.message).toBe(wrong.json.message);
    const right = await call(login, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    expect(right.status).toBe(200);
    expect(cookieFrom(right)).toBeDefined();
  });

  it("logout revokes the session server-side: the old cookie no longer works", async () => {
    const address = email();
    const res = await call(signup, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    const cookie = cookieFrom(res) as string;
    expect((await call(me, { cookie })).status).toBe(200);
    const out = await call(logout, { method: "POST", cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/atelier_session=;.*Max-Age=0/);
    const replay = await call(me, { cookie });
    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ success: false, error: "UNAUTHORIZED" });
  });

  it("answers 401 in the envelope without a session or with a forged one", async () => {
    expect((await call(me)).json).toMatchObject({ success: false, error: "UNAUTHORIZED" });
    const forged = await call(me, { cookie: "atelier_session=forged-token" });
    expect(forged.status).toBe(401);
  });

  it("throttles failed log-ins per e-mail with 429 and Retry-After, even for the right password", async () => {
    const address = email();
    await call(signup, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    for (let i = 0; i < 5; i++) {
      const r = await call(login, {
        method: "POST",
        body: { email: address, password: `wrong-${i}-password` },
        headers: ip(),
      });
      expect(r.status).toBe(401);
    }
    const limited = await call(login, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ success: false, error: "RATE_LIMITED" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("throttles failed log-ins per IP across e-mails", async () => {
    const headers = { "x-forwarded-for": "192.0.2.77" };
    for (let i = 0; i < 20; i++) {
      const r = await call(login, { method: "POST", body: { email: email(), password: "whatever-password" }, headers });
      expect(r.status).toBe(401);
    }
    const limited = await call(login, {
      method: "POST",
      body: { email: email(), password: "whatever-password" },
      headers,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("password change", () => {
  it("checks the current password, refuses a weak one, and signs out other sessions but not this one", async () => {
    const { POST: changePassword } = await import("@/app/api/auth/password/route");
    const address = email();
    const first = await call(signup, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() });
    const here = cookieFrom(first) as string;
    const other = cookieFrom(
      await call(login, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() }),
    ) as string;

    const wrong = await call(changePassword, {
      method: "POST",
      cookie: here,
      body: { currentPassword: "not it at all", newPassword: "a brand new passphrase" },
      headers: ip(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.details.field).toBe("currentPassword");
    const weak = await call(changePassword, {
      method: "POST",
      cookie: here,
      body: { currentPassword: PASSWORD, newPassword: "short" },
      headers: ip(),
    });
    expect(weak.status).toBe(422);

    const changed = await call(changePassword, {
      method: "POST",
      cookie: here,
      body: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" },
      headers: ip(),
    });
    expect(changed.status).toBe(200);
    expect((await call(me, { cookie: here })).status).toBe(200);
    expect((await call(me, { cookie: other })).status).toBe(401);
    expect(
      (await call(login, { method: "POST", body: { email: address, password: PASSWORD }, headers: ip() })).status,
    ).toBe(401);
    expect(
      (
        await call(login, {
          method: "POST",
          body: { email: address, password: "a brand new passphrase" },
          headers: ip(),
        })
      ).status,
    ).toBe(200);
  });
});
