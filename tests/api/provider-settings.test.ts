import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/providers/route";
import { parseConfig, setConfig } from "@/lib/server/config";
import type { Database } from "@/lib/server/db/client";
import { count, createUser, sessionCookie, useTestDatabase } from "../support/db";
import { call } from "../support/http";

let database: Database;
let cookie: string;
let userId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createUser(database);
  userId = user.id;
  cookie = await sessionCookie(database, user.id);
});
afterAll(async () => {
  setConfig(undefined);
  await database.close();
});

const order = (res: { json: { data: { provider: string }[] } }) => res.json.data.map((p) => p.provider);

describe("provider settings", () => {
  it("starts from the defaults", async () => {
    const res = await call(getSettings, { cookie });
    expect(order(res)).toEqual(["openai", "anthropic", "fal", "openai-compatible"]);
    expect(
      res.json.data.every((p: { enabled: boolean; keyStatus: string }) => p.enabled && p.keyStatus === "none"),
    ).toBe(true);
  });

  it("saves enablement, priority order, default models and a base URL, and keeps them", async () => {
    const res = await call(putSettings, {
      method: "PUT",
      cookie,
      body: {
        providers: [
          { provider: "anthropic", enabled: true, defaultModels: { text: "claude-sonnet-4-5" } },
          {
            provider: "openai-compatible",
            enabled: true,
            defaultModels: { text: "llama3.2" },
            baseUrl: "http://localhost:11434/v1",
          },
          { provider: "openai", enabled: false, defaultModels: { image: "gpt-image-1", audio: "tts-1" } },
          {
            provider: "fal",
            enabled: true,
            defaultModels: { video: "fal-ai/kling-video/v2.1/master/text-to-video" },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const again = await call(getSettings, { cookie });
    expect(order(again)).toEqual(["anthropic", "openai-compatible", "openai", "fal"]);
    expect(again.json.data[1]).toMatchObject({
      baseUrl: "http://localhost:11434/v1",
      defaultModels: { text: "llama3.2" },
    });
    expect(again.json.data[2]).toMatchObject({
      enabled: false,
      defaultModels: { image: "gpt-image-1", audio: "tts-1" },
    });
  });

  it.each([
    [{ providers: [{ provider: "anthropic", enabled: true, defaultModels: { image: "x" } }] }, 422],
    [{ providers: [{ provider: "openai", enabled: true, baseUrl: "http://localhost:1/v1" }] }, 422],
    [
      {
        providers: [
          { provider: "openai", enabled: true },
          { provider: "openai", enabled: false },
        ],
      },
      422,
    ],
    [{ providers: [{ provider: "openai-compatible", enabled: true, baseUrl: "file:///etc/passwd" }] }, 422],
    [{ providers: [{ provider: "mystery", enabled: true }] }, 422],
    [{ providers: [] }, 422],
    [{ providers: [{ provider: "openai", enabled: true, defaultModels: { text: "gpt-99-ultra" } }] }, 422],
    [{ providers: [{ provider: "openai", enabled: true, defaultModels: { text: "dall-e-3" } }] }, 422],
  ])("refuses %j and changes nothing", async (body, status) => {
    const before = JSON.stringify(
      await database.raw.query("select * from public.provider_settings where user_id = $1 order by provider", [userId]),
    );
    const res = await call(putSettings, { method: "PUT", cookie, body });
    expect(res.status).toBe(status);
    expect(res.json.success).toBe(false);
    expect(
      JSON.stringify(
        await database.raw.query("select * from public.provider_settings where user_id = $1 order by provider", [
          userId,
        ]),
      ),
    ).toBe(before);
  });

  it("in Supabase mode refuses a private base URL unless explicitly allowed", async () => {
    const supabaseEnv = {
      NODE_ENV: "test",
      SUPABASE_URL: "https://project.supabase.co",
      SUPABASE_ANON_KEY: "anon",
      SUPABASE_SERVICE_ROLE_KEY: "service",
      DATABASE_URL: "postgres://u@h/db",
      ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
    };
    setConfig(parseConfig(supabaseEnv));
    const body = {
      providers: [{ provider: "openai-compatible", enabled: true, baseUrl: "http://192.168.1.5:11434/v1" }],
    };
    const refused = await call(putSettings, { method: "PUT", cookie, body });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: "UNSAFE_URL", details: { field: "baseUrl" } });
    expect(await count(database, "public.provider_settings", "base_url = $1", ["http://192.168.1.5:11434/v1"])).toBe(0);

    setConfig(parseConfig({ ...supabaseEnv, ALLOW_PRIVATE_BASE_URLS: "true" }));
    expect((await call(putSettings, { method: "PUT", cookie, body })).status).toBe(200);
    setConfig(undefined);
  });
});
