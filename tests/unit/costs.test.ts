import { describe, expect, it } from "vitest";
import { actualCost, estimateCost } from "@/lib/server/costs/calculate";
import { countTokens } from "@/lib/server/costs/count-tokens";
import { type CatalogModel, customTextModel, findModel, MODELS } from "@/lib/shared/catalog";
import { dec, sum, toDecimalString } from "@/lib/shared/decimal";

const model = (provider: string, id: string) => {
  const m = findModel(provider, id);
  if (!m) throw new Error(`${provider}/${id} not in the catalog`);
  return m;
};

describe("the catalog", () => {
  it.each(MODELS.map((m) => [`${m.provider}/${m.id}`, m] as const))(
    "%s has a price for each unit it needs, with source and date",
    (_name, m) => {
      const units = new Set(m.prices.map((p) => p.unit));
      const need = (unit: string) => expect(units.has(unit as never), `${m.id} needs a ${unit} price`).toBe(true);
      if (m.type === "text") ["input_token", "output_token"].forEach(need);
      if (m.type === "video") need("video_second");
      if (m.type === "audio") expect(units.has("character") || units.has("audio_minute")).toBe(true);
      if (m.type === "image") {
        if (units.has("megapixel")) expect(m.capabilities.sizes?.length).toBeGreaterThan(0);
        else {
          // every size × quality the model offers has its own price
          for (const size of m.capabilities.sizes ?? []) {
            for (const quality of m.capabilities.qualities ?? []) {
              expect(
                m.prices.some((p) => p.unit === "image" && p.match?.size === size && p.match?.quality === quality),
                `${m.id} ${quality} ${size}`,
              ).toBe(true);
            }
          }
        }
      }
      for (const p of m.prices) {
        expect(p.source).toMatch(/^https:\/\//);
        expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number(p.usd)).toBeGreaterThan(0);
      }
      if (m.type === "video") {
        for (const size of m.capabilities.sizes ?? []) {
          const cost = estimateCost(m, { type: "video", prompt: "x", seconds: 4, size });
          expect(cost.issues).toEqual([]);
        }
      }
    },
  );

  it("has no duplicate models", () => {
    const ids = MODELS.map((m) => `${m.provider}/${m.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("actual cost, exactly", () => {
  type Row = [string, CatalogModel, Parameters<typeof actualCost>[1], Parameters<typeof actualCost>[2], string];
  const gpt4o = model("openai", "gpt-4o");
  const sonnet = model("anthropic", "claude-sonnet-4-5");
  const rows: Row[] = [
    // The seed's example tokens; $0.000515 exactly (the seed's own sum, $0.000495, drops 2 output tokens).
    [
      "gpt-4o, 18 in / 47 out",
      gpt4o,
      { type: "text", prompt: "p", maxTokens: 100 },
      { type: "text", usage: { inputTokens: 18, outputTokens: 47 }, outputText: "" },
      "0.0515",
    ],
    [
      "gpt-4o, 18 in / 45 out (the seed's $0.000495)",
      gpt4o,
      { type: "text", prompt: "p", maxTokens: 100 },
      { type: "text", usage: { inputTokens: 18, outputTokens: 45 }, outputText: "" },
      "0.0495",
    ],
    [
      "gpt-4o with 1,000 cached tokens",
      gpt4o,
      { type: "text", prompt: "p", maxTokens: 100 },
      { type: "text", usage: { inputTokens: 500, cachedInputTokens: 1000, outputTokens: 10 }, outputText: "" },
      "0.26",
    ],
    [
      "Claude Sonnet 4.5 with cache write and read",
      sonnet,
      { type: "text", prompt: "p", maxTokens: 100 },
      {
        type: "text",
        usage: { inputTokens: 100, cacheWriteTokens: 2000, cachedInputTokens: 3000, outputTokens: 200 },
        outputText: "",
      },
      "1.17",
    ],
    [
      "gpt-image-1 high 1536x1024 ×2 + 40 prompt tokens",
      model("openai", "gpt-image-1"),
      { type: "image", prompt: "p", size: "1536x1024", quality: "high", count: 2 },
      { type: "image", size: "1536x1024", quality: "high", count: 2, inputTokens: 40 },
      "50.02",
    ],
    [
      "dall-e-3 hd 1792x1024",
      model("openai", "dall-e-3"),
      { type: "image", prompt: "p", size: "1792x1024", quality: "hd", count: 1 },
      { type: "image", size: "1792x1024", quality: "hd", count: 1 },
      "12",
    ],
    [
      "FLUX schnell 1024x1024 ×4 (per megapixel)",
      model("fal", "fal-ai/flux/schnell"),
      { type: "image", prompt: "p", size: "1024x1024", count: 4 },
      { type: "image", size: "1024x1024", count: 4 },
      "1.2582912",
    ],
    [
      "sora-2, 8 s",
      model("openai", "sora-2"),
      { type: "video", prompt: "p", seconds: 8 },
      { type: "video", seconds: 8 },
      "80",
    ],
    [
      "sora-2-pro 1792x1024, 12 s",
      model("openai", "sora-2-pro"),
      { type: "video", prompt: "p", seconds: 12, size: "1792x1024" },
      { type: "video", seconds: 12, size: "1792x1024" },
      "600",
    ],
    [
      "Kling 2.1 master, 5 s",
      model("fal", "fal-ai/kling-video/v2.1/master/text-to-video"),
      { type: "video", prompt: "p", seconds: 5 },
      { type: "video", seconds: 5 },
      "140",
    ],
    [
      "tts-1, 1,000 characters",
      model("openai", "tts-1"),
      { type: "audio", prompt: "x".repeat(1000) },
      { type: "audio", characters: 1000 },
      "1.5",
    ],
    [
      "Kokoro, 250 characters",
      model("fal", "fal-ai/kokoro/american-english"),
      { type: "audio", prompt: "x".repeat(250) },
      { type: "audio", characters: 250 },
      "0.5",
    ],
    [
      "gpt-4o-mini-tts, 90 s of audio",
      model("openai", "gpt-4o-mini-tts"),
      { type: "audio", prompt: "x" },
      { type: "audio", characters: 1, durationSeconds: "90" },
      "2.25",
    ],
    [
      "local model at the default price",
      customTextModel("llama3.2"),
      { type: "text", prompt: "p", maxTokens: 10 },
      { type: "text", usage: { inputTokens: 5000, outputTokens: 900 }, outputText: "" },
      "0",
    ],
    [
      "local model at a user-set price",
      customTextModel("llama3.2", { inputPerMillion: "0.10", outputPerMillion: "0.30" }),
      { type: "text", prompt: "p", maxTokens: 10 },
      { type: "text", usage: { inputTokens: 5000, outputTokens: 900 }, outputText: "" },
      "0.077",
    ],
  ];

  it.each(rows)("%s", (_label, m, request, outcome, cents) => {
    const cost = actualCost(m, request, outcome);
    expect(cost.cents).toBe(cents);
    expect(cost.basis).toBe("actual");
    expect(cost.issues.filter((i) => i.code === "missing_price")).toEqual([]);
    expect(cost.usd).toBe(toDecimalString({ units: dec(cents).units, scale: dec(cents).scale + 2 }));
  });

  it("10,000 of the seed's amounts sum exactly", () => {
    const one = actualCost(
      gpt4o,
      { type: "text", prompt: "p", maxTokens: 100 },
      { type: "text", usage: { inputTokens: 18, outputTokens: 45 }, outputText: "" },
    );
    const total = sum(Array.from({ length: 10_000 }, () => dec(one.cents)));
    expect(toDecimalString(total)).toBe("495");
  });

  it("reports a missing price as an issue, not a silent zero", () => {
    const noOutput: CatalogModel = { ...gpt4o, prices: gpt4o.prices.filter((p) => p.unit !== "output_token") };
    const cost = actualCost(
      noOutput,
      { type: "text", prompt: "p", maxTokens: 1 },
      { type: "text", usage: { inputTokens: 10, outputTokens: 10 }, outputText: "" },
    );
    expect(cost.issues).toContainEqual({ code: "missing_price", unit: "output_token", detail: undefined });
    const unknownSize = actualCost(
      model("openai", "dall-e-3"),
      { type: "image", prompt: "p", size: "512x512", quality: "hd", count: 1 },
      { type: "image", size: "512x512", quality: "hd", count: 1 },
    );
    expect(unknownSize.issues.map((i) => i.code)).toEqual(["missing_price"]);
  });

  it("falls back to a local token count when the stream reported no usage, and says so", () => {
    const cost = actualCost(
      gpt4o,
      { type: "text", prompt: "Write a haiku", maxTokens: 50 },
      { type: "text", usage: null, outputText: "Autumn moonlight— a worm digs silently into the chestnut." },
    );
    expect(cost.issues.map((i) => i.code)).toContain("usage_not_reported");
    const expectedOut = countTokens(gpt4o, "Autumn moonlight— a worm digs silently into the chestnut.").tokens;
    expect(cost.lines.find((l) => l.unit === "output_token")?.quantity).toBe(String(expectedOut));
  });
});

describe("estimates", () => {
  it("counts OpenAI input tokens with the real tokenizer and assumes the requested maximum output", () => {
    const gpt4o = model("openai", "gpt-4o");
    const prompt = "Write a poem about the sea at night.";
    const cost = estimateCost(gpt4o, { type: "text", prompt, maxTokens: 50 });
    const tokens = countTokens(gpt4o, prompt);
    expect(tokens.exact).toBe(true);
    expect(tokens.tokens).toBe(9);
    // (9 + 3 + 3) input × $2.50/M + 50 output × $10/M = $0.0000375 + $0.0005
    expect(cost.cents).toBe("0.05375");
    expect(cost.issues).toEqual([]);
  });

  it("bounds Anthropic input tokens and says it is an estimate", () => {
    const cost = estimateCost(model("anthropic", "claude-haiku-4-5"), {
      type: "text",
      prompt: "x".repeat(300),
      maxTokens: 1000,
    });
    // ceil(300 / 3) + 6 = 106 input × $1/M + 1000 × $5/M
    expect(cost.cents).toBe("0.5106");
    expect(cost.issues.map((i) => i.code)).toEqual(["estimated_tokens"]);
  });

  it.each([
    [
      "image",
      model("openai", "gpt-image-1"),
      { type: "image" as const, prompt: "a red fox", size: "1024x1024", quality: "low", count: 3 },
      "3.3015",
    ],
    ["video", model("openai", "sora-2"), { type: "video" as const, prompt: "p", seconds: 4 }, "40"],
    ["audio by character", model("openai", "tts-1-hd"), { type: "audio" as const, prompt: "y".repeat(2000) }, "6"],
    ["audio by minute", model("openai", "gpt-4o-mini-tts"), { type: "audio" as const, prompt: "z".repeat(1800) }, "3"],
  ])("%s", (_label, m, request, cents) => {
    expect(estimateCost(m, request).cents).toBe(cents);
  });
});
