import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteKey } from "@/app/api/api-keys/[id]/route";
import { POST as testKey } from "@/app/api/api-keys/[id]/test/route";
import { POST as addKey, GET as listKeys } from "@/app/api/api-keys/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/providers/route";
import { decryptRow } from "@/lib/server/api-keys/open-api-key";
import type { Database } from "@/lib/server/db/client";
import { count, createUser, sessionCookie, useTestDatabase } from "../support/db";
import { call } from "../support/http";
import { useProviderFakes, VALID_KEYS } from "../support/providers";

let database: Database;
let fakes: Awaited<ReturnType<typeof useProviderFakes>>;
let alice: { id: string; cookie: string };
let bob: { id: string; cookie: string };

// Everything the app wrote to stdout/stderr or the console during these tests.
const logged: string[] = [];
const responses: string[] = [];

beforeAll(async () => {
  database = await useTestDatabase();
  fakes = await useProviderFakes();
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return original(chunk as string, ...(rest as []));
    }) as typeof stream.write);
  }
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  }
  const a = await createUser(database);
  const b = await createUser(database);
  alice = { id: a.id, cookie: await sessionCookie(database, a.id) };
  bob = { id: b.id, cookie: await sessionCookie(database, b.id) };
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fakes.close();
  await database.close();
});

async function api(handler: Parameters<typeof call>[0], options: Parameters<typeof call>[1]) {
  const res = await call(handler, options);
  responses.push(res.text, JSON.stringify([...res.headers]));
  return res;
}

describe("API keys", () => {
  it("checks a valid key with the provider, stores it sealed, and lists only its masked hint", async () => {
    for (const provider of ["openai", "anthropic", "fal"] as const) {
      const res = await api(addKey, {
        method: "POST",
        cookie: alice.cookie,
        body: { provider, name: "Main", key: VALID_KEYS[provider] },
      });
      expect(res.status).toBe(201);
      expect(res.json.data).toMatchObject({
        provider,
        name: "Main",
        status: "working",
        hint: `…${VALID_KEYS[provider].slice(-4)}`,
      });
    }
    // The provider's cheapest call was made with the right credentials, in each wire format.
    expect(fakes.openai.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(fakes.openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${VALID_KEYS.openai}`);
    const anthropicAuth = fakes.anthropic.requests.at(-1)?.headers;
    expect(anthropicAuth?.["x-api-key"] ?? anthropicAuth?.authorization?.replace("Bearer ", "")).toBe(
      VALID_KEYS.anthropic,
    );
    expect(fakes.anthropic.requests.at(-1)?.headers["anthropic-version"]).toBeTruthy();
    expect(fakes.fal.requests.at(-1)?.headers.authorization).toBe(`Key ${VALID_KEYS.fal}`);

    const listed = await api(listKeys, { cookie: alice.cookie });
    expect(listed.json.data).toHaveLength(3);
    for (const k of listed.json.data)
      expect(Object.keys(k).sort()).toEqual(
        [
          "createdAt",
          "hint",
          "id",
          "lastCheckedAt",
          "lastUsedAt",
          "name",
          "provider",
          "status",
          "statusMessage",
        ].sort(),
      );

    // The stored row decrypts back to the key: the vault really holds it.
    const [row] = await database.raw.query<{ id: string }>(
      "select id from public.user_api_keys where user_id = $1 and provider = 'openai'",
      [alice.id],
    );
    const rows = await database.db.query.userApiKeys.findMany();
    const stored = rows.find((r) => r.id === row?.id);
    expect(stored && (await decryptRow(stored))).toBe(VALID_KEYS.openai);
  });

  it("refuses a key the provider answers 401 to, and stores it marked failing only when the user insists", async () => {
    const bad = `sk-proj-${randomUUID().replace(/-/g, "")}wrong`;
    const before = await count(database, "public.user_api_keys", "user_id = $1", [alice.id]);
    const refused = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "openai", name: "Old", key: bad },
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: "KEY_CHECK_FAILED", details: { field: "key", canStoreAnyway: true } });
    expect(refused.json.message).toMatch(/refused the API key/);
    expect(await count(database, "public.user_api_keys", "user_id = $1", [alice.id])).toBe(before);

    const insisted = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "openai", name: "Old", key: bad, storeIfFailing: true },
    });
    expect(insisted.status).toBe(201);
    expect(insisted.json.data).toMatchObject({ status: "failing", hint: `…${bad.slice(-4)}` });
    const retest = await api(testKey, { method: "POST", cookie: alice.cookie, params: { id: insisted.json.data.id } });
    expect(retest.json.data.status).toBe("failing");

    const anthropicBad = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "anthropic", name: "Bad", key: "sk-ant-api03-not-a-real-key-000" },
    });
    expect(anthropicBad.json.error).toBe("KEY_CHECK_FAILED");
    const falBad = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "fal", name: "Bad", key: "nope:nope-nope-nope" },
    });
    expect(falBad.json.error).toBe("KEY_CHECK_FAILED");
  });

  it("refuses a duplicate name for the same provider with 409", async () => {
    const res = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "openai", name: "Main", key: VALID_KEYS.openai },
    });
    expect(res.status).toBe(409);
    expect(res.json.details.field).toBe("name");
  });

  it("keeps users apart: B cannot list, test or delete A's keys or read A's settings", async () => {
    const aliceKeys = (await api(listKeys, { cookie: alice.cookie })).json.data as { id: string }[];
    expect(aliceKeys.length).toBeGreaterThan(0);
    expect((await api(listKeys, { cookie: bob.cookie })).json.data).toEqual([]);
    for (const k of aliceKeys) {
      expect((await api(testKey, { method: "POST", cookie: bob.cookie, params: { id: k.id } })).status).toBe(404);
      expect((await api(deleteKey, { method: "DELETE", cookie: bob.cookie, params: { id: k.id } })).status).toBe(404);
    }
    expect(await count(database, "public.user_api_keys", "user_id = $1", [alice.id])).toBe(aliceKeys.length);

    await api(putSettings, {
      method: "PUT",
      cookie: alice.cookie,
      body: { providers: [{ provider: "anthropic", enabled: true, defaultModels: { text: "claude-sonnet-4-5" } }] },
    });
    const bobSettings = (await api(getSettings, { cookie: bob.cookie })).json.data as {
      provider: string;
      defaultModels: object;
      keyStatus: string;
    }[];
    expect(bobSettings.every((s) => s.keyStatus === "none" && Object.keys(s.defaultModels).length === 0)).toBe(true);
    expect(bobSettings[0]?.provider).toBe("openai");
  });

  it("deletes a key", async () => {
    const added = await api(addKey, {
      method: "POST",
      cookie: alice.cookie,
      body: { provider: "openai", name: "Temp", key: VALID_KEYS.openai },
    });
    const res = await api(deleteKey, { method: "DELETE", cookie: alice.cookie, params: { id: added.json.data.id } });
    expect(res.status).toBe(200);
    expect(await count(database, "public.user_api_keys", "id = $1", [added.json.data.id])).toBe(0);
  });

  it("no plaintext key is in any column of any table, any response, or anything logged", async () => {
    const secrets = [...Object.values(VALID_KEYS)];
    const tables = await database.raw.query<{ t: string }>(
      "select schemaname || '.' || tablename as t from pg_tables where schemaname in ('public', 'auth', 'atelier_meta')",
    );
    for (const { t } of tables) {
      const rows = await database.raw.query<{ r: string }>(`select x::text as r from ${t} x`);
      const dump = rows.map((r) => r.r).join("\n");
      for (const secret of secrets) {
        expect(dump.includes(secret), `${t} contains a key`).toBe(false);
        expect(dump.includes(secret.slice(4, -4)), `${t} contains most of a key`).toBe(false);
      }
    }
    expect(responses.length).toBeGreaterThan(10);
    expect(logged.length).toBeGreaterThan(0); // the debug log level is on: the app did log
    for (const secret of secrets) {
      for (const text of [...responses, ...logged]) {
        expect(text.includes(secret)).toBe(false);
        expect(text.includes(secret.slice(4, -4))).toBe(false);
      }
    }
  });
});

describe("bad key input", () => {
  beforeEach(() => undefined);
  afterEach(() => undefined);
  it.each([
    [{ provider: "nope", name: "x", key: "sk-12345678" }, "provider"],
    [{ provider: "openai", name: "", key: "sk-12345678" }, "name"],
    [{ provider: "openai", name: "x", key: "short" }, "key"],
    [{ provider: "openai", name: "x", key: "sk has spaces 123" }, "key"],
    [{ provider: "openai", name: "x", key: "k".repeat(501) }, "key"],
  ])("%j → 422 on %s, nothing stored", async (body, field) => {
    const before = await count(database, "public.user_api_keys");
    const res = await api(addKey, { method: "POST", cookie: alice.cookie, body });
    expect(res.status).toBe(422);
    expect(res.json.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(await count(database, "public.user_api_keys")).toBe(before);
  });
});
