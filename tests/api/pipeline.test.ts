import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as costReport } from "@/app/api/analytics/cost/route";
import { GET as providerReport } from "@/app/api/analytics/provider/route";
import { GET as usageReport } from "@/app/api/analytics/usage/route";
import { GET as fileRoute } from "@/app/api/assets/[id]/file/route";
import { DELETE as deleteAsset, GET as getAsset, PUT as updateAsset } from "@/app/api/assets/[id]/route";
import { GET as listAssets } from "@/app/api/assets/route";
import { POST as acknowledge } from "@/app/api/budget-alerts/[id]/acknowledge/route";
import { GET as listAlerts } from "@/app/api/budget-alerts/route";
import { POST as generate } from "@/app/api/generate/route";
import { POST as cancel } from "@/app/api/generations/[id]/cancel/route";
import { GET as getGeneration } from "@/app/api/generations/[id]/route";
import { GET as listGenerations } from "@/app/api/generations/route";
import { POST as falWebhook } from "@/app/api/webhooks/fal/[id]/route";
import { setAuth } from "@/lib/server/auth";
import { parseConfig, setConfig } from "@/lib/server/config";
import { setDatabase } from "@/lib/server/db";
import { type Database, openPostgres } from "@/lib/server/db/client";
import { setStorage } from "@/lib/server/storage";
import { createLocalStorage } from "@/lib/server/storage/local";
import { MP4_BYTES, PNG_1x1 } from "../fakes/media";
import { count, onPostgres, useTestDatabase } from "../support/db";
import { userWithKeys, useTempStorage } from "../support/generation";
import { call } from "../support/http";
import { useProviderFakes } from "../support/providers";

const ENV = { APP_URL: "https://atelier.example", RATE_LIMIT_PER_MINUTE: "100000" };
let database: Database;
let fakes: Awaited<ReturnType<typeof useProviderFakes>>;
let store: ReturnType<typeof useTempStorage>;

beforeAll(async () => {
  database = await useTestDatabase();
  fakes = await useProviderFakes(ENV);
  store = useTempStorage();
});
afterAll(async () => {
  await fakes.close();
  await database.close();
});

const gen = (cookie: string, body: Record<string, unknown>) =>
  call(generate, { method: "POST", cookie, path: "/api/generate?stream=false", body });
const poll = (cookie: string, id: string) => call(getGeneration, { cookie, params: { id } });
const project = async (id: string) =>
  (
    await database.raw.query<Record<string, string>>(
      "select spent_cents::text as spent, reserved_cents::text as reserved from public.projects where id = $1",
      [id],
    )
  )[0];

describe("video: durable jobs", () => {
  it("Sora: 202, polled to completion on read, the file stored, exact cost, reservation released", async () => {
    const u = await userWithKeys(database, ["openai"], { budgetCents: "1000" });
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "a paper boat",
      provider: "openai",
      model: "sora-2",
      seconds: 8,
      size: "1280x720",
    });
    expect(started.status).toBe(202);
    const id = started.json.data.id;
    expect(started.json.data).toMatchObject({ status: "processing", estimatedCostCents: "80" });
    expect((await project(u.projectId))?.reserved).toBe("80");
    let g = (await poll(u.cookie, id)).json.data;
    for (let i = 0; i < 5 && g.status !== "completed"; i++) g = (await poll(u.cookie, id)).json.data;
    expect(g).toMatchObject({ status: "completed", costCents: "80", progress: 100 });
    const [asset] = await database.raw.query<Record<string, string>>(
      "select * from public.assets where generation_id = $1",
      [id],
    );
    expect(asset?.type).toBe("video");
    expect(Buffer.from((await store.storage.get(asset?.storage_path as string)) ?? []).equals(MP4_BYTES)).toBe(true);
    expect(await project(u.projectId)).toEqual({ spent: "80", reserved: "0" });
  });

  it("a job started by one instance is completed by a fresh one after a restart", async () => {
    const u = await userWithKeys(database, ["fal"]);
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "a kite over dunes",
      provider: "fal",
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      seconds: 5,
    });
    expect(started.status).toBe(202);
    const id = started.json.data.id;

    // "Restart": every in-process cache dropped; the new instance knows only what is in the database and storage.
    setAuth(undefined);
    setStorage(createLocalStorage(store.root));
    const url = inject("pgUrl");
    const fresh = url ? openPostgres(url, { max: 2 }) : database; // PGlite in memory cannot be reopened: same handle
    setDatabase(fresh);
    try {
      let g = (await poll(u.cookie, id)).json.data;
      expect(["queued", "processing"]).toContain(g.status === "processing" ? "processing" : g.status);
      for (let i = 0; i < 5 && g.status !== "completed"; i++) g = (await poll(u.cookie, id)).json.data;
      expect(g).toMatchObject({ status: "completed", costCents: "140" });
      expect(g.assetIds).toHaveLength(1);
    } finally {
      if (fresh !== database) await fresh.close();
      setDatabase(database);
    }
  });

  it("a job stuck past its model's limit is failed and its reservation released", async () => {
    const u = await userWithKeys(database, ["fal"], { budgetCents: "500" });
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "stuck forever",
      provider: "fal",
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      seconds: 5,
    });
    await database.raw.query("update public.generations set deadline_at = now() - interval '1 minute' where id = $1", [
      started.json.data.id,
    ]);
    const g = (await poll(u.cookie, started.json.data.id)).json.data;
    expect(g).toMatchObject({ status: "failed", costCents: "0" });
    expect(g.errorMessage).toMatch(/in time/);
    expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "0" });
  });

  it("shows the queue position while queued", async () => {
    const u = await userWithKeys(database, ["fal"]);
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "rain on a window",
      provider: "fal",
      model: "fal-ai/minimax/hailuo-02/standard/text-to-video",
      seconds: 6,
    });
    const g = (await poll(u.cookie, started.json.data.id)).json.data;
    expect(g).toMatchObject({ status: "processing", queuePosition: 3 });
  });

  it("cancel stops the job at the provider and releases the reservation", async () => {
    const u = await userWithKeys(database, ["fal"], { budgetCents: "500" });
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "slow clouds",
      provider: "fal",
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      seconds: 5,
    });
    expect((await project(u.projectId))?.reserved).toBe("140");
    const res = await call(cancel, { method: "POST", cookie: u.cookie, params: { id: started.json.data.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe("cancelled");
    expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "0" });
    const job = [...fakes.fal.jobs.values()].find((j) => j.input.prompt === "slow clouds");
    expect(job?.cancelled).toBe(true);
    const again = await call(cancel, { method: "POST", cookie: u.cookie, params: { id: started.json.data.id } });
    expect(again.status).toBe(409);
  });

  it("fal's webhook completes the job, authenticated by the per-generation secret", async () => {
    const u = await userWithKeys(database, ["fal"]);
    const started = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "a lantern festival",
      provider: "fal",
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      seconds: 5,
    });
    const id = started.json.data.id;
    const job = [...fakes.fal.jobs.entries()].find(([, j]) => j.input.prompt === "a lantern festival");
    const hook = new URL(job?.[1].webhook as string);
    expect(hook.origin + hook.pathname).toBe(`https://atelier.example/api/webhooks/fal/${id}`);
    const payload = {
      request_id: job?.[0],
      gateway_request_id: job?.[0],
      status: "OK",
      payload: { video: { url: `${fakes.fal.url}/files/${job?.[0]}.mp4`, content_type: "video/mp4" } },
    };

    const forged = await call(falWebhook, {
      method: "POST",
      path: `/api/webhooks/fal/${id}?token=${"x".repeat(32)}`,
      params: { id },
      body: payload,
    });
    expect(forged.status).toBe(404);
    expect((await poll(u.cookie, id)).json.data.status).not.toBe("completed");

    const res = await call(falWebhook, {
      method: "POST",
      path: `${hook.pathname}${hook.search}`,
      params: { id },
      body: payload,
    });
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe("completed");
    const replay = await call(falWebhook, {
      method: "POST",
      path: `${hook.pathname}${hook.search}`,
      params: { id },
      body: payload,
    });
    expect(replay.status).toBe(200);
    expect(await count(database, "public.assets", "generation_id = $1", [id])).toBe(1);
  });
});

describe("assets", () => {
  it("lists with filters and search, updates tags, favourite and archive, serves bytes with Range, deletes the file too", async () => {
    const u = await userWithKeys(database, ["openai"]);
    const img = await gen(u.cookie, {
      type: "image",
      projectId: u.projectId,
      prompt: "a lighthouse at dusk",
      provider: "openai",
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "low",
    });
    await gen(u.cookie, {
      type: "audio",
      projectId: u.projectId,
      prompt: "The tide is turning",
      provider: "openai",
      model: "tts-1",
    });
    const imageId = img.json.data.assetIds[0];

    const images = await call(listAssets, {
      cookie: u.cookie,
      path: `/api/assets?type=image&projectId=${u.projectId}`,
    });
    expect(images.json.data.items.map((a: any) => a.id)).toEqual([imageId]);
    const first = await call(listAssets, { cookie: u.cookie, path: `/api/assets?projectId=${u.projectId}&limit=1` });
    expect(first.json.data.items).toHaveLength(1);
    const second = await call(listAssets, {
      cookie: u.cookie,
      path: `/api/assets?projectId=${u.projectId}&limit=1&cursor=${first.json.data.nextCursor}`,
    });
    expect(second.json.data.items).toHaveLength(1);
    expect(second.json.data.items[0].id).not.toBe(first.json.data.items[0].id);
    expect(second.json.data.nextCursor).toBeNull();
    expect((await call(listAssets, { cookie: u.cookie, path: "/api/assets?cursor=garbage" })).status).toBe(422);
    const search = await call(listAssets, { cookie: u.cookie, path: "/api/assets?q=LIGHTHOUSE" });
    expect(search.json.data.items.map((a: any) => a.id)).toEqual([imageId]);

    const updated = await call(updateAsset, {
      method: "PUT",
      cookie: u.cookie,
      params: { id: imageId },
      body: { tags: ["Coast", "dusk", "coast"], favorite: true, name: "Lighthouse" },
    });
    expect(updated.json.data).toMatchObject({ tags: ["coast", "dusk"], favorite: true, name: "Lighthouse" });
    expect(
      (await call(listAssets, { cookie: u.cookie, path: "/api/assets?tag=coast&favorite=true" })).json.data.items,
    ).toHaveLength(1);
    await call(updateAsset, { method: "PUT", cookie: u.cookie, params: { id: imageId }, body: { archived: true } });
    expect((await call(listAssets, { cookie: u.cookie, path: "/api/assets?type=image" })).json.data.items).toHaveLength(
      0,
    );
    expect(
      (await call(listAssets, { cookie: u.cookie, path: "/api/assets?type=image&archived=true" })).json.data.items,
    ).toHaveLength(1);

    const detail = await call(getAsset, { cookie: u.cookie, params: { id: imageId } });
    expect(detail.json.data).toMatchObject({
      prompt: "a lighthouse at dusk",
      generation: { provider: "openai", model: "gpt-image-1", costCents: "1.12" },
    });

    const whole = await call(fileRoute, { cookie: u.cookie, params: { id: imageId } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("image/png");
    const part = await call(fileRoute, { cookie: u.cookie, params: { id: imageId }, headers: { range: "bytes=1-3" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1-3/${PNG_1x1.length}`);
    expect(part.text).toBe(PNG_1x1.subarray(1, 4).toString());
    expect(
      (await call(fileRoute, { cookie: u.cookie, params: { id: imageId }, headers: { range: "bytes=999-" } })).status,
    ).toBe(416);
    const thumb = await call(fileRoute, {
      cookie: u.cookie,
      path: `/api/assets/${imageId}/file?variant=thumbnail`,
      params: { id: imageId },
    });
    expect(thumb.headers.get("content-type")).toBe("image/webp");

    const [paths] = await database.raw.query<{ storage_path: string; thumbnail_path: string }>(
      "select storage_path, thumbnail_path from public.assets where id = $1",
      [imageId],
    );
    expect((await call(deleteAsset, { method: "DELETE", cookie: u.cookie, params: { id: imageId } })).status).toBe(200);
    expect(await store.storage.size(paths?.storage_path as string)).toBeNull();
    expect(await store.storage.size(paths?.thumbnail_path as string)).toBeNull();
    expect(await count(database, "public.assets", "id = $1", [imageId])).toBe(0);
  });
});

describe("money, alerts and analytics", () => {
  it("the sum of generation costs equals the analytics totals and the project's spend, exactly; alerts fire once per threshold", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"], { budgetCents: "2" });
    // Three text generations of 0.0515 cents each, one image of 1.12 cents: 1.2745 cents, past 50 % of 2 cents.
    for (let i = 0; i < 3; i++)
      await gen(u.cookie, {
        type: "text",
        projectId: u.projectId,
        prompt: `line ${i}`,
        provider: "openai",
        model: "gpt-4o",
        maxTokens: 50,
      });
    await gen(u.cookie, {
      type: "image",
      projectId: u.projectId,
      prompt: "a fox",
      provider: "openai",
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "low",
    });
    const [sum] = await database.raw.query<{ total: string }>(
      "select trim_scale(sum(cost_cents))::text as total from public.generations where project_id = $1",
      [u.projectId],
    );
    expect(sum?.total).toBe("1.2745");
    expect((await project(u.projectId))?.spent).toBe("1.2745");
    const cost = await call(costReport, {
      cookie: u.cookie,
      path: `/api/analytics/cost?groupBy=provider&projectId=${u.projectId}`,
    });
    expect(cost.json.data.totals.costCents).toBe("1.2745");
    expect(cost.json.data.groups).toEqual([
      expect.objectContaining({ key: "openai", requests: 4, costCents: "1.2745" }),
    ]);
    const byType = await call(usageReport, { cookie: u.cookie, path: "/api/analytics/usage?groupBy=type" });
    expect(byType.json.data.groups.map((g: any) => [g.key, g.requests])).toEqual([
      ["image", 1],
      ["text", 3],
    ]);
    const providers = await call(providerReport, { cookie: u.cookie });
    expect(providers.json.data.providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          provider: "openai",
          type: "text",
          requests: 3,
          successRate: 1,
          avgCostCents: "0.0515",
        }),
      ]),
    );
    // Durations come from the rollups' histograms: within 10 % (and a rounding millisecond) of the exact percentiles.
    const openaiText = providers.json.data.providers.find((p: any) => p.provider === "openai" && p.type === "text");
    const [exact] = await database.raw.query<{ p50: number; p95: number }>(
      `select percentile_disc(0.5) within group (order by duration_ms) as p50,
              percentile_disc(0.95) within group (order by duration_ms) as p95
         from public.generations
        where user_id = $1 and provider = 'openai' and generation_type = 'text' and status = 'completed'`,
      [u.id],
    );
    for (const [got, want] of [
      [openaiText.p50Ms, Number(exact?.p50)],
      [openaiText.p95Ms, Number(exact?.p95)],
    ]) {
      expect(Math.abs(got - want)).toBeLessThanOrEqual(want * 0.1 + 1);
    }

    const alerts = await call(listAlerts, { cookie: u.cookie, path: `/api/budget-alerts?projectId=${u.projectId}` });
    expect(alerts.json.data.map((a: any) => a.thresholdPercent)).toEqual([50]);
    const ack = await call(acknowledge, { method: "POST", cookie: u.cookie, params: { id: alerts.json.data[0].id } });
    expect(ack.json.data.acknowledgedAt).not.toBeNull();
    expect(
      (await call(listAlerts, { cookie: u.cookie, path: "/api/budget-alerts?unacknowledged=true" })).json.data,
    ).toEqual([]);
  });

  it("100 parallel generations against a budget that covers 10: at most 10 run, never overspent, alerts once", async () => {
    const u = await userWithKeys(database, ["openai"], { budgetCents: "40" }); // dall-e-3 standard 1024² = 4 cents each
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        gen(u.cookie, {
          type: "image",
          projectId: u.projectId,
          prompt: `tile ${i}`,
          provider: "openai",
          model: "dall-e-3",
          size: "1024x1024",
          quality: "standard",
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(90);
    expect(await project(u.projectId)).toEqual({ spent: "40", reserved: "0" });
    const alerts = await database.raw.query<{ threshold_percent: number }>(
      "select threshold_percent from public.budget_alerts where project_id = $1 order by 1",
      [u.projectId],
    );
    expect(alerts.map((a) => a.threshold_percent)).toEqual([50, 80, 100]);
  }, 120_000);
});

describe("isolation through the routes", () => {
  it("user B cannot read A's generations, assets, files, alerts or analytics", async () => {
    const a = await userWithKeys(database, ["openai"], { budgetCents: "2" });
    const b = await userWithKeys(database, []);
    const img = await gen(a.cookie, {
      type: "image",
      projectId: a.projectId,
      prompt: "secret",
      provider: "openai",
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "low",
    });
    const generationId = img.json.data.id;
    const assetId = img.json.data.assetIds[0];
    expect((await poll(b.cookie, generationId)).status).toBe(404);
    expect((await call(cancel, { method: "POST", cookie: b.cookie, params: { id: generationId } })).status).toBe(404);
    expect((await call(listGenerations, { cookie: b.cookie })).json.data.items).toEqual([]);
    expect((await call(getAsset, { cookie: b.cookie, params: { id: assetId } })).status).toBe(404);
    expect((await call(fileRoute, { cookie: b.cookie, params: { id: assetId } })).status).toBe(404);
    expect(
      (await call(updateAsset, { method: "PUT", cookie: b.cookie, params: { id: assetId }, body: { favorite: true } }))
        .status,
    ).toBe(404);
    expect((await call(deleteAsset, { method: "DELETE", cookie: b.cookie, params: { id: assetId } })).status).toBe(404);
    expect((await call(listAssets, { cookie: b.cookie })).json.data.items).toEqual([]);
    expect((await call(listAlerts, { cookie: b.cookie })).json.data).toEqual([]);
    const aAlerts = (await call(listAlerts, { cookie: a.cookie, path: `/api/budget-alerts?projectId=${a.projectId}` }))
      .json.data;
    expect(aAlerts.length).toBeGreaterThan(0);
    expect((await call(acknowledge, { method: "POST", cookie: b.cookie, params: { id: aAlerts[0].id } })).status).toBe(
      404,
    );
    expect((await call(costReport, { cookie: b.cookie })).json.data.totals).toEqual({
      requests: 0,
      costCents: "0",
      tokens: "0",
    });
    expect((await call(providerReport, { cookie: b.cookie })).json.data.providers).toEqual([]);
    expect(await count(database, "public.assets", "id = $1 and favorite = false", [assetId])).toBe(1);
  });
});

describe("rate limits", () => {
  it("a user over the per-minute limit for every provider gets 429 with Retry-After, and nothing is reserved", async () => {
    const u = await userWithKeys(database, ["openai"]);
    setConfig(parseConfig({ NODE_ENV: "test", OPENAI_BASE_URL: `${fakes.openai.url}/v1`, RATE_LIMIT_PER_MINUTE: "2" }));
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push(await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: `n${i}`, maxTokens: 5 }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(statuses[2]?.json.error).toBe("RATE_LIMITED");
      expect(Number(statuses[2]?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await project(u.projectId))?.reserved).toBe("0");
    } finally {
      setConfig(
        parseConfig({
          NODE_ENV: "test",
          OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
          ANTHROPIC_BASE_URL: fakes.anthropic.url,
          FAL_BASE_URL: fakes.fal.url,
          ...ENV,
        }),
      );
    }
  });
});

void onPostgres;

describe("start-up reconciliation", () => {
  it("fails work interrupted between reservation and outcome, returning the reservation; leaves provider jobs alone", async () => {
    const { reconcileInterrupted } = await import("@/lib/server/generation/reconcile");
    const u = await userWithKeys(database, ["openai"], { budgetCents: "100" });
    await database.raw.query("update public.projects set reserved_cents = 12 where id = $1", [u.projectId]);
    const insert = `insert into public.generations (project_id, user_id, provider, model, generation_type, prompt, status, reserved_cents, provider_job_id, updated_at)
                    values ($1, $2, 'openai', 'gpt-4o', $3, 'p', 'processing', $4, $5, now() - interval '1 hour') returning id`;
    const [stale] = await database.raw.query<{ id: string }>(insert, [u.projectId, u.id, "text", "5", null]);
    const [job] = await database.raw.query<{ id: string }>(insert, [u.projectId, u.id, "video", "7", "video_fake_x"]);
    expect(await reconcileInterrupted(database.db)).toBeGreaterThanOrEqual(1);
    const rows = await database.raw.query<{ id: string; status: string; reserved_cents: string }>(
      "select id, status, reserved_cents::text from public.generations where id in ($1, $2)",
      [stale?.id, job?.id],
    );
    expect(rows.find((r) => r.id === stale?.id)).toMatchObject({ status: "failed", reserved_cents: "0" });
    expect(rows.find((r) => r.id === job?.id)).toMatchObject({ status: "processing", reserved_cents: "7" });
    expect((await project(u.projectId))?.reserved).toBe("7");
  });
});
