import { z } from "zod";
import { projectFields } from "../schema";

export const updateProjectSchema = z
  .object({
    name: projectFields.name.optional(),
    description: projectFields.description.optional(),
    budgetCents: projectFields.budgetCents.optional(),
    alertThresholds: projectFields.alertThresholds.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
