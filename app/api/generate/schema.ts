import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/shared/providers";

const common = {
  projectId: z.uuid("Choose a project."),
  provider: z.enum(PROVIDER_IDS).optional(),
  model: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.:/@-]+$/, "A model id has no spaces.")
    .optional(),
};

export const generateSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("text"),
      ...common,
      prompt: z.string().trim().min(1, "Write a prompt.").max(100_000, "The prompt is too long."),
      system: z.string().trim().max(10_000).optional(),
      maxTokens: z.number().int().min(1).max(32_768).default(1024),
      temperature: z.number().min(0).max(2).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("image"),
      ...common,
      prompt: z.string().trim().min(1, "Write a prompt.").max(32_000, "The prompt is too long."),
      size: z
        .string()
        .regex(/^\d{2,5}x\d{2,5}$/, "A size looks like 1024x1024.")
        .default("1024x1024"),
      quality: z.string().trim().max(20).optional(),
      count: z.number().int().min(1).max(10).default(1),
    })
    .strict(),
  z
    .object({
      type: z.literal("audio"),
      ...common,
      prompt: z.string().trim().min(1, "Write the text to speak.").max(5_000, "At most 5,000 characters."),
      voice: z.string().trim().max(50).optional(),
      format: z.enum(["mp3", "opus", "aac", "flac", "wav", "pcm"]).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("video"),
      ...common,
      prompt: z.string().trim().min(1, "Write a prompt.").max(5_000, "The prompt is too long."),
      seconds: z.number().int().min(1).max(20).default(4),
      size: z
        .string()
        .regex(/^\d{2,5}x\d{2,5}$/)
        .optional(),
      aspectRatio: z.enum(["16:9", "9:16", "1:1"]).optional(),
    })
    .strict(),
]);
export type GenerateInput = z.infer<typeof generateSchema>;
