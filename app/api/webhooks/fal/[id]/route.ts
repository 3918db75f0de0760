import { handleFalWebhook } from "@/lib/server/generation/fal-webhook";
import { ok, uuidParams, withPublic } from "@/lib/server/http/route";
import { falWebhookSchema } from "@/providers/fal/webhook";
import { falWebhookQuery } from "./schema";

export const POST = withPublic(
  { params: uuidParams, query: falWebhookQuery, body: falWebhookSchema, maxBodyBytes: 1024 * 1024 },
  async ({ params, query, body }) => {
    const row = await handleFalWebhook(params.id, query.token, body);
    return ok({ id: row.id, status: row.status });
  },
);
