import { z } from "zod";
import { GENERATION_TYPES } from "@/lib/shared/providers";

export const listGenerationsQuery = z
  .object({
    projectId: z.uuid().optional(),
    type: z.enum(GENERATION_TYPES).optional(),
    status: z.enum(["pending", "processing", "completed", "failed", "cancelled"]).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type ListGenerationsQuery = z.infer<typeof listGenerationsQuery>;
