import { z } from "zod";

/** A budget in cents: a whole number or a decimal string (exact), up to a trillion cents. */
export const centsInput = z
  .union([
    z.number().int("Use whole cents, or send a decimal string.").min(0).max(1e12),
    z.string().regex(/^\d{1,12}(\.\d{1,10})?$/, 'Use a non-negative decimal amount of cents, e.g. "2500".'),
  ])
  .transform((v) => String(v));

export const projectFields = {
  name: z.string().trim().min(1, "Give the project a name.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(2000, "Use at most 2,000 characters.").nullable(),
  budgetCents: centsInput.nullable(),
  alertThresholds: z
    .array(z.number().int().min(1).max(100))
    .max(5, "Use at most 5 thresholds.")
    .transform((a) => [...new Set(a)].sort((x, y) => x - y)),
};

export const createProjectSchema = z
  .object({
    name: projectFields.name,
    description: projectFields.description.optional(),
    budgetCents: projectFields.budgetCents.optional(),
    alertThresholds: projectFields.alertThresholds.optional(),
  })
  .strict();
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const listProjectsQuery = z.object({ archived: z.enum(["true", "false", "all"]).default("false") }).strict();
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;
