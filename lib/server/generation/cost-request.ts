import "server-only";
import type { GenerateInput } from "@/app/api/generate/schema";
import type { CostRequest } from "../costs/types";

export function costRequestOf(input: GenerateInput): CostRequest {
  switch (input.type) {
    case "text":
      return { type: "text", prompt: input.prompt, system: input.system, maxTokens: input.maxTokens };
    case "image":
      return { type: "image", prompt: input.prompt, size: input.size, quality: input.quality, count: input.count };
    case "audio":
      return { type: "audio", prompt: input.prompt };
    case "video":
      return { type: "video", prompt: input.prompt, seconds: input.seconds, size: input.size };
  }
}

/** The request's parameters as stored on the generation (everything but the prompt and the project). */
export function parametersOf(input: GenerateInput): Record<string, unknown> {
  const { prompt: _prompt, projectId: _projectId, ...rest } = input;
  return rest;
}
