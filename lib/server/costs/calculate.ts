import "server-only";
import type { CatalogModel, CatalogPrice, PriceUnit } from "@/lib/shared/catalog";
import { type Decimal, dec, divide, mul, shift, sum, toDecimalString } from "@/lib/shared/decimal";
import { countTokens, TOKENS_PER_MESSAGE, TOKENS_REPLY_PRIMING } from "./count-tokens";
import type { Cost, CostIssue, CostLine, CostOutcome, CostRequest } from "./types";

// Characters of speech per minute, to estimate minutes of audio before it exists (≈ 15 characters a second).
const SPOKEN_CHARACTERS_PER_MINUTE = 900;

type Line = { unit: PriceUnit; quantity: Decimal; match?: CatalogPrice["match"] };

function priceFor(model: CatalogModel, unit: PriceUnit, match?: CatalogPrice["match"]): CatalogPrice | undefined {
  const candidates = model.prices.filter((p) => p.unit === unit);
  return (
    candidates.find(
      (p) =>
        p.match &&
        (!p.match.size || p.match.size === match?.size) &&
        (!p.match.quality || p.match.quality === match?.quality),
    ) ?? candidates.find((p) => !p.match)
  );
}

/** Multiplies quantities by catalog prices, exactly; a unit without a price becomes an issue, never a silent zero. */
function price(model: CatalogModel, basis: Cost["basis"], lines: Line[], issues: CostIssue[]): Cost {
  const out: CostLine[] = [];
  const centsParts: Decimal[] = [];
  for (const line of lines) {
    if (line.quantity.units === 0n) continue;
    const p = priceFor(model, line.unit, line.match);
    if (!p) {
      issues.push({
        code: "missing_price",
        unit: line.unit,
        detail: line.match ? JSON.stringify(line.match) : undefined,
      });
      continue;
    }
    const per = p.per ?? 1;
    const cents = shift(mul(line.quantity, dec(p.usd)), 2 - Math.log10(per));
    centsParts.push(cents);
    out.push({
      unit: line.unit,
      quantity: toDecimalString(line.quantity),
      usdPerUnit: p.usd,
      per,
      cents: toDecimalString(cents),
    });
  }
  const cents = sum(centsParts);
  return { basis, cents: toDecimalString(cents), usd: toDecimalString(shift(cents, -2)), lines: out, issues };
}

function megapixels(size: string): Decimal {
  const [w, h] = size.split("x").map((n) => Number.parseInt(n, 10));
  return shift(dec((w ?? 0) * (h ?? 0)), -6);
}

function imageLines(model: CatalogModel, size: string, quality: string | undefined, count: number): Line[] {
  if (model.prices.some((p) => p.unit === "megapixel")) {
    return [{ unit: "megapixel", quantity: mul(megapixels(size), dec(count)) }];
  }
  return [{ unit: "image", quantity: dec(count), match: { size, quality } }];
}

function promptTokens(model: CatalogModel, prompt: string, system: string | undefined, issues: CostIssue[]): number {
  const counted = countTokens(model, `${system ?? ""}${prompt}`);
  if (!counted.exact) {
    issues.push({
      code: "estimated_tokens",
      detail: "input tokens estimated at one per 3 characters (no local tokenizer)",
    });
  }
  const messages = system ? 2 : 1;
  return counted.tokens + messages * TOKENS_PER_MESSAGE + TOKENS_REPLY_PRIMING;
}

/** Cost before a call: the upper bound used to reserve budget (text assumes the requested maximum output). */
export function estimateCost(model: CatalogModel, request: CostRequest): Cost {
  const issues: CostIssue[] = [];
  switch (request.type) {
    case "text": {
      const input = promptTokens(model, request.prompt, request.system, issues);
      return price(
        model,
        "estimate",
        [
          { unit: "input_token", quantity: dec(input) },
          { unit: "output_token", quantity: dec(request.maxTokens) },
        ],
        issues,
      );
    }
    case "image": {
      const lines = imageLines(model, request.size, request.quality, request.count);
      if (model.prices.some((p) => p.unit === "input_token")) {
        lines.push({ unit: "input_token", quantity: dec(countTokens(model, request.prompt).tokens) });
      }
      return price(model, "estimate", lines, issues);
    }
    case "video":
      return price(
        model,
        "estimate",
        [{ unit: "video_second", quantity: dec(request.seconds), match: { size: request.size } }],
        issues,
      );
    case "audio": {
      const characters = [...request.prompt].length;
      if (model.prices.some((p) => p.unit === "audio_minute")) {
        issues.push({
          code: "estimated_duration",
          detail: `minutes estimated at ${SPOKEN_CHARACTERS_PER_MINUTE} characters a minute`,
        });
        const minutes = shift(dec(Math.ceil((characters * 1000) / SPOKEN_CHARACTERS_PER_MINUTE)), -3);
        return price(model, "estimate", [{ unit: "audio_minute", quantity: minutes }], issues);
      }
      return price(model, "estimate", [{ unit: "character", quantity: dec(characters) }], issues);
    }
  }
}

/** Cost after a call, from what the provider reported; when it reported no usage, from our own count (flagged). */
export function actualCost(model: CatalogModel, request: CostRequest, outcome: CostOutcome): Cost {
  const issues: CostIssue[] = [];
  switch (outcome.type) {
    case "text": {
      let usage = outcome.usage;
      if (!usage) {
        issues.push({ code: "usage_not_reported", detail: "the stream ended without usage; tokens counted locally" });
        const input = request.type === "text" ? promptTokens(model, request.prompt, request.system, issues) : 0;
        usage = { inputTokens: input, outputTokens: countTokens(model, outcome.outputText).tokens };
      }
      return price(
        model,
        "actual",
        [
          { unit: "input_token", quantity: dec(usage.inputTokens) },
          { unit: "cached_input_token", quantity: dec(usage.cachedInputTokens ?? 0) },
          { unit: "cache_write_token", quantity: dec(usage.cacheWriteTokens ?? 0) },
          { unit: "output_token", quantity: dec(usage.outputTokens) },
        ],
        issues,
      );
    }
    case "image": {
      const lines = imageLines(model, outcome.size, outcome.quality, outcome.count);
      if (outcome.inputTokens !== undefined) lines.push({ unit: "input_token", quantity: dec(outcome.inputTokens) });
      return price(model, "actual", lines, issues);
    }
    case "video":
      return price(
        model,
        "actual",
        [{ unit: "video_second", quantity: dec(outcome.seconds), match: { size: outcome.size } }],
        issues,
      );
    case "audio": {
      if (model.prices.some((p) => p.unit === "audio_minute")) {
        if (!outcome.durationSeconds) return { ...estimateCost(model, request), basis: "actual" };
        // The one rounding in this module: seconds ÷ 60 to 12 decimal places of a minute.
        const minutes = divide(dec(outcome.durationSeconds), 60n, 12);
        return price(model, "actual", [{ unit: "audio_minute", quantity: minutes }], issues);
      }
      return price(model, "actual", [{ unit: "character", quantity: dec(outcome.characters) }], issues);
    }
  }
}
