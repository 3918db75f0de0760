import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as estimate } from "@/app/api/generate/estimate/route";
import { POST as generate } from "@/app/api/generate/route";
import type { Database } from "@/lib/server/db/client";
import { MP3_BYTES, PNG_1x1 } from "../fakes/media";
import { count, useTestDatabase } from "../support/db";
import { parseSse, setOrder, userWithKeys, useTempStorage } from "../support/generation";
import { call } from "../support/http";
import { useProviderFakes } from "../support/providers";

let database: Database;
let fakes: Awaited<ReturnType<typeof useProviderFakes>>;
let storage: ReturnType<typeof useTempStorage>["storage"];

beforeAll(async () => {
  database = await useTestDatabase();
  fakes = await useProviderFakes();
  storage = useTempStorage().storage;
});
afterAll(async () => {
  await fakes.close();
  await database.close();
});

const gen = (cookie: string, body: Record<string, unknown>, path = "/api/generate?stream=false") =>
  call(generate, { method: "POST", cookie, path, body });

async function row(table: string, where: string, params: unknown[]) {
  const [r] = await database.raw.query<Record<string, any>>(`select * from ${table} where ${where}`, params);
  return r;
}

async function storedBytes(assetId: string) {
  const asset = await row("public.assets", "id = $1", [assetId]);
  return { asset, bytes: Buffer.from((await storage.get(asset?.storage_path)) ?? []) };
}

describe("generation end to end through the API", () => {
  it("text: generation row, asset with the text, exact cost, project spend and rollups", async () => {
    const u = await userWithKeys(database);
    const res = await gen(u.cookie, {
      type: "text",
      projectId: u.projectId,
      prompt: "Write a line about the sea",
      model: "gpt-4o",
      provider: "openai",
      maxTokens: 100,
    });
    expect(res.status).toBe(200);
    const g = res.json.data;
    expect(g).toMatchObject({
      status: "completed",
      provider: "openai",
      model: "gpt-4o",
      costCents: "0.0515",
      tokensInput: 18,
      tokensOutput: 47,
    });
    const { asset, bytes } = await storedBytes(g.assetIds[0]);
    expect(asset).toMatchObject({ type: "text", generation_id: g.id, file_format: "md" });
    expect(bytes.toString()).toBe("Silver waves whisper under a patient moon.");
    const project = await row("public.projects", "id = $1", [u.projectId]);
    expect(project?.spent_cents).toBe("0.0515");
    expect(project?.reserved_cents).toBe("0");
    const daily = await row("public.usage_analytics", "project_id = $1 and period_type = 'daily'", [u.projectId]);
    expect(daily).toMatchObject({
      request_count: 1,
      success_count: 1,
      total_cost_cents: "0.0515",
      provider: "openai",
      model: "gpt-4o",
    });
    expect(
      await count(database, "public.usage_analytics", "project_id = $1 and period_type = 'monthly'", [u.projectId]),
    ).toBe(1);
  });

  it("text streams: deltas arrive as events before the final one", async () => {
    const u = await userWithKeys(database);
    const res = await gen(
      u.cookie,
      { type: "text", projectId: u.projectId, prompt: "stream it", provider: "anthropic" },
      "/api/generate",
    );
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseSse(res.text);
    expect(events[0]?.event).toBe("generation");
    const deltas = events.filter((e) => e.event === "delta");
    expect(deltas.length).toBeGreaterThan(3);
    const last = events.at(-1);
    expect(last?.event).toBe("done");
    expect(events.findIndex((e) => e.event === "delta")).toBeLessThan(events.length - 1);
    expect(deltas.map((d) => d.data.text).join("")).toBe("Ink-dark tide, the lighthouse counts its slow breaths.");
    // claude-sonnet-4-5: 21 × $3/M + 12 × $15/M = $0.000243
    expect(last?.data).toMatchObject({ status: "completed", provider: "anthropic", costCents: "0.0243" });
  });

  it("a client that goes away mid-stream does not stop the generation: it completes and is paid for once", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    const res = await generate(
      new Request("http://localhost/api/generate", {
        method: "POST",
        headers: { cookie: u.cookie, "content-type": "application/json" },
        body: JSON.stringify({
          type: "text",
          projectId: u.projectId,
          prompt: "leave early",
          provider: "openai",
          model: "gpt-4o",
          maxTokens: 64,
        }),
      }),
      { params: Promise.resolve({}) },
    );
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    let g: Record<string, any> | undefined;
    for (let i = 0; i < 50; i++) {
      g = await row("public.generations", "project_id = $1", [u.projectId]);
      if (g?.status === "completed" || g?.status === "failed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(g).toMatchObject({ status: "completed", provider: "openai", cost_cents: "0.0515" });
    expect(g?.attempts).toHaveLength(1);
    expect(await row("public.projects", "id = $1", [u.projectId])).toMatchObject({
      spent_cents: "0.0515",
      reserved_cents: "0",
    });
  });

  it("image: stored PNG and a real thumbnail, cost per image plus prompt tokens", async () => {
    const u = await userWithKeys(database);
    const res = await gen(u.cookie, {
      type: "image",
      projectId: u.projectId,
      prompt: "a red fox",
      provider: "openai",
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "low",
      count: 1,
    });
    expect(res.status).toBe(200);
    const g = res.json.data;
    expect(g.costCents).toBe("1.12"); // $0.011 + 40 prompt tokens × $5/M
    const { asset, bytes } = await storedBytes(g.assetIds[0]);
    expect(bytes.equals(PNG_1x1)).toBe(true);
    expect(asset).toMatchObject({ type: "image", width: 1, height: 1, file_format: "png" });
    expect(Number(asset?.file_size_bytes)).toBe(PNG_1x1.length);
    const thumb = Buffer.from((await storage.get(asset?.thumbnail_path)) ?? []);
    expect(thumb.subarray(8, 12).toString()).toBe("WEBP");
  });

  it("image from fal: the provider's URL is downloaded into storage at once", async () => {
    const u = await userWithKeys(database);
    const res = await gen(u.cookie, {
      type: "image",
      projectId: u.projectId,
      prompt: "a teapot",
      provider: "fal",
      model: "fal-ai/flux/schnell",
      size: "1024x1024",
      count: 2,
    });
    expect(res.status).toBe(200);
    expect(res.json.data.assetIds).toHaveLength(2);
    expect(res.json.data.costCents).toBe("0.6291456");
    for (const id of res.json.data.assetIds) expect((await storedBytes(id)).bytes.equals(PNG_1x1)).toBe(true);
  });

  it("audio: stored MP3 bytes, cost per character", async () => {
    const u = await userWithKeys(database);
    const res = await gen(u.cookie, {
      type: "audio",
      projectId: u.projectId,
      prompt: "Hello there",
      provider: "openai",
      model: "tts-1",
      voice: "nova",
    });
    expect(res.status).toBe(200);
    expect(res.json.data.costCents).toBe("0.0165");
    const { asset, bytes } = await storedBytes(res.json.data.assetIds[0]);
    expect(asset?.type).toBe("audio");
    expect(bytes.equals(MP3_BYTES)).toBe(true);
  });

  it("estimate: the cost and the provider the router would pick, without calling anyone", async () => {
    const u = await userWithKeys(database, ["openai"], { budgetCents: "1" });
    const before = fakes.openai.requests.length;
    const res = await call(estimate, {
      method: "POST",
      cookie: u.cookie,
      body: {
        type: "image",
        projectId: u.projectId,
        prompt: "x",
        model: "dall-e-3",
        size: "1024x1024",
        quality: "standard",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ provider: null, wouldExceedBudget: true, remainingBudgetCents: "1" });
    expect(res.json.data.options[0].cost.cents).toBe("4");
    const cheap = await call(estimate, {
      method: "POST",
      cookie: u.cookie,
      body: { type: "text", projectId: u.projectId, prompt: "hi", maxTokens: 10 },
    });
    expect(cheap.json.data).toMatchObject({ provider: "openai", model: "gpt-4o", wouldExceedBudget: false });
    expect(fakes.openai.requests.length).toBe(before);
  });
});

describe("the router", () => {
  it("falls back when the primary answers 500, and records both attempts", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    await setOrder(u.cookie, ["openai", "anthropic", "fal", "openai-compatible"]);
    fakes.openai.failNext(500);
    const res = await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: "fallback please" });
    expect(res.status).toBe(200);
    const attempts = res.json.data.attempts.map((a: any) => [a.provider, a.outcome, a.reason ?? null]);
    expect(attempts).toEqual([
      ["openai", "failed", "unavailable"],
      ["anthropic", "succeeded", null],
    ]);
    expect(res.json.data.provider).toBe("anthropic");
    const project = await row("public.projects", "id = $1", [u.projectId]);
    expect(project?.spent_cents).toBe(res.json.data.costCents);
    expect(project?.reserved_cents).toBe("0");
  });

  it("does not fall back when the primary refuses the content", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    const anthropicCalls = fakes.anthropic.requests.length;
    const res = await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: "[[refuse]] something" });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ success: false, error: "CONTENT_REJECTED" });
    expect(res.json.details.attempts).toHaveLength(1);
    expect(fakes.anthropic.requests.length).toBe(anthropicCalls);
    const g = await row("public.generations", "id = $1", [res.json.details.generationId]);
    expect(g).toMatchObject({ status: "failed", reserved_cents: "0" });
    expect((await row("public.projects", "id = $1", [u.projectId]))?.reserved_cents).toBe("0");
  });

  it("opens the circuit after repeated failures and then skips that provider", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    fakes.openai.failNext(503, 3);
    for (let i = 0; i < 3; i++) {
      const res = await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: `try ${i}` });
      expect(res.json.data.provider).toBe("anthropic");
    }
    const openaiCalls = fakes.openai.requests.length;
    const res = await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: "after the circuit opened" });
    expect(res.json.data.attempts[0]).toMatchObject({ provider: "openai", outcome: "skipped", reason: "circuit_open" });
    expect(fakes.openai.requests.length).toBe(openaiCalls);
    const health = await row("public.provider_health", "user_id = $1 and provider = 'openai'", [u.id]);
    expect(health).toMatchObject({ status: "down", failure_count: 3 });
    const { GET: settings } = await import("@/app/api/settings/providers/route");
    const visible = (await call(settings, { cookie: u.cookie })).json.data.find((p: any) => p.provider === "openai");
    expect(visible.health).toMatchObject({ status: "down", failureCount: 3 });
  });

  it("refuses a generation over budget with 402, reserving nothing and calling no one", async () => {
    const u = await userWithKeys(database, ["openai"], { budgetCents: "2" });
    const calls = fakes.openai.requests.length;
    const res = await gen(u.cookie, {
      type: "image",
      projectId: u.projectId,
      prompt: "x",
      model: "dall-e-3",
      size: "1024x1024",
      quality: "standard",
    });
    expect(res.status).toBe(402);
    expect(res.json.error).toBe("BUDGET_EXCEEDED");
    expect(fakes.openai.requests.length).toBe(calls);
    expect(await row("public.projects", "id = $1", [u.projectId])).toMatchObject({
      reserved_cents: "0",
      spent_cents: "0",
    });
  });

  it("when the output cannot be stored: charged for what the provider did, reservation released, no asset left", async () => {
    const { setStorage } = await import("@/lib/server/storage");
    const u = await userWithKeys(database, ["openai"], { budgetCents: "100" });
    setStorage({ ...storage, put: async () => Promise.reject(new Error("disk full")) });
    try {
      const res = await gen(u.cookie, {
        type: "image",
        projectId: u.projectId,
        prompt: "x",
        provider: "openai",
        model: "dall-e-3",
        size: "1024x1024",
        quality: "standard",
      });
      expect(res.status).toBe(502);
      expect(res.json.error).toBe("PROVIDER_ERROR");
      const g = await row("public.generations", "id = $1", [res.json.details.generationId]);
      expect(g).toMatchObject({ status: "failed", reserved_cents: "0", cost_cents: "4" });
      expect(await row("public.projects", "id = $1", [u.projectId])).toMatchObject({
        spent_cents: "4",
        reserved_cents: "0",
      });
      expect(await count(database, "public.assets", "generation_id = $1", [g?.id])).toBe(0);
    } finally {
      setStorage(storage);
    }
  });

  it("with no usable provider answers NO_PROVIDER and writes no generation", async () => {
    const u = await userWithKeys(database, []);
    const res = await gen(u.cookie, { type: "video", projectId: u.projectId, prompt: "a kite" });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe("NO_PROVIDER");
    expect(await count(database, "public.generations", "project_id = $1", [u.projectId])).toBe(0);
  });
});
