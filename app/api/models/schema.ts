import { z } from "zod";
import { GENERATION_TYPES, PROVIDER_IDS } from "@/lib/shared/providers";

export const listModelsQuery = z
  .object({ provider: z.enum(PROVIDER_IDS).optional(), type: z.enum(GENERATION_TYPES).optional() })
  .strict();
