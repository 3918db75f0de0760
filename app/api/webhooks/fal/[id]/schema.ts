import { z } from "zod";

export const falWebhookQuery = z.object({ token: z.string().min(16).max(200) }).strict();
