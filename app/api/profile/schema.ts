import { z } from "zod";

export const updateProfileSchema = z
  .object({ name: z.string().trim().max(120, "Use at most 120 characters.").nullable() })
  .strict();
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
