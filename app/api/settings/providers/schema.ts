import { z } from "zod";
import { GENERATION_TYPES, PROVIDER_IDS } from "@/lib/shared/providers";

const modelId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:/@-]+$/, "A model id has no spaces.");

/** The whole list, in priority order (first is tried first). */
export const updateProviderSettingsSchema = z
  .object({
    providers: z
      .array(
        z
          .object({
            provider: z.enum(PROVIDER_IDS),
            enabled: z.boolean(),
            defaultModels: z.partialRecord(z.enum(GENERATION_TYPES), modelId).default({}),
            baseUrl: z.string().trim().max(2048).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(PROVIDER_IDS.length),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.providers.forEach((p, i) => {
      if (seen.has(p.provider)) {
        ctx.addIssue({ code: "custom", path: ["providers", i, "provider"], message: "Each provider once." });
      }
      seen.add(p.provider);
      if (p.baseUrl && p.provider !== "openai-compatible") {
        ctx.addIssue({
          code: "custom",
          path: ["providers", i, "baseUrl"],
          message: "Only OpenAI-compatible endpoints take a base URL.",
        });
      }
    });
  });
export type UpdateProviderSettingsInput = z.infer<typeof updateProviderSettingsSchema>;
