import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/shared/providers";

export const addApiKeySchema = z
  .object({
    provider: z.enum(PROVIDER_IDS, "Choose a provider."),
    name: z.string().trim().min(1, "Give the key a name.").max(100, "Use at most 100 characters."),
    key: z
      .string()
      .trim()
      .max(500, "That key is too long.")
      .regex(/^[\x21-\x7e]*$/, "A key has no spaces or special characters."),
    /** Store the key even if the provider refuses it (it is then marked failing). */
    storeIfFailing: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.provider !== "openai-compatible" && v.key.length < 8) {
      ctx.addIssue({ code: "custom", path: ["key"], message: "Paste the whole API key." });
    }
  });
export type AddApiKeyInput = z.infer<typeof addApiKeySchema>;
