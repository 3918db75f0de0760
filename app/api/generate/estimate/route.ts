import { estimateGeneration } from "@/lib/server/generation/estimate-generation";
import { ok, withUser } from "@/lib/server/http/route";
import { generateSchema } from "../schema";

export const POST = withUser({ body: generateSchema, maxBodyBytes: 256 * 1024 }, async ({ user, body }) =>
  ok(await estimateGeneration(user, body)),
);
