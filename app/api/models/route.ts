import { ok, withUser } from "@/lib/server/http/route";
import { MODELS } from "@/lib/shared/catalog";
import { listModelsQuery } from "./schema";

/** The model catalog: capabilities, limits and list prices (with source and date) per model. */
export const GET = withUser({ query: listModelsQuery }, async ({ query }) =>
  ok(
    MODELS.filter((m) => (!query.provider || m.provider === query.provider) && (!query.type || m.type === query.type)),
  ),
);
