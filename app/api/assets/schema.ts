import { z } from "zod";
import { GENERATION_TYPES } from "@/lib/shared/providers";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const listAssetsQuery = z
  .object({
    projectId: z.uuid().optional(),
    type: z.enum(GENERATION_TYPES).optional(),
    tag: z.string().trim().min(1).max(50).optional(),
    favorite: bool.optional(),
    archived: z.enum(["true", "false", "all"]).default("false"),
    q: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(40),
  })
  .strict();
export type ListAssetsQuery = z.infer<typeof listAssetsQuery>;

export const updateAssetSchema = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .min(1)
          .max(50)
          .regex(/^[\p{L}\p{N} _-]+$/u, "Tags are words, numbers, spaces, - and _."),
      )
      .max(30)
      .transform((t) => [...new Set(t)])
      .optional(),
    favorite: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateAssetInput = z.infer<typeof updateAssetSchema>;

export const fileQuery = z
  .object({ variant: z.enum(["original", "thumbnail"]).default("original"), download: z.enum(["1"]).optional() })
  .strict();
