import "server-only";
import { z } from "zod";

/** fal's webhook body: the request id, OK or ERROR, and the model's output (or the error). */
export const falWebhookSchema = z.object({
  request_id: z.string().min(1).max(200),
  gateway_request_id: z.string().optional(),
  status: z.enum(["OK", "ERROR"]),
  payload: z.unknown().optional(),
  error: z.string().nullable().optional(),
});
export type FalWebhook = z.infer<typeof falWebhookSchema>;

export function parseFalWebhook(body: unknown): FalWebhook | null {
  const parsed = falWebhookSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
