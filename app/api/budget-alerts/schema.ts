import { z } from "zod";

export const listAlertsQuery = z
  .object({ projectId: z.uuid().optional(), unacknowledged: z.enum(["true", "false"]).optional() })
  .strict();
