import { z } from "zod";

const day = z.iso.date("Use a date like 2026-11-27.");

export const analyticsQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    groupBy: z.enum(["day", "project", "provider", "model", "type"]).default("day"),
    projectId: z.uuid().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "`from` must not be after `to`.", path: ["from"] });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;
