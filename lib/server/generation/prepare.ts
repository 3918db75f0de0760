import "server-only";
import type { GenerateInput } from "@/app/api/generate/schema";
import type { AuthUser } from "../auth/types";
import { asUser } from "../db/rls";
import { generations } from "../db/schema";
import { AppError } from "../http/errors";
import { getProject } from "../projects/get-project";
import { type Candidate, listCandidates } from "./candidates";
import { parametersOf } from "./cost-request";

export type Prepared = { generationId: string; candidates: Candidate[] };

/** Checks the project, finds the providers that could serve the request, and records the generation as pending. */
export async function prepareGeneration(user: AuthUser, input: GenerateInput): Promise<Prepared> {
  return asUser(user.id, async (tx) => {
    const project = await getProject(tx, { userId: user.id, id: input.projectId });
    if (project.archivedAt)
      throw new AppError("PROJECT_ARCHIVED", "This project is archived. Unarchive it to generate.");
    const { candidates, skippedAttempts } = await listCandidates(tx, { userId: user.id, input });
    const first = candidates[0];
    if (!first) {
      throw new AppError(
        "NO_PROVIDER",
        `None of your providers can generate ${input.type} right now. Add a working key in Settings → API keys.`,
        { attempts: skippedAttempts },
      );
    }
    const [row] = await tx
      .insert(generations)
      .values({
        projectId: input.projectId,
        userId: user.id,
        provider: first.provider,
        model: first.model.id,
        generationType: input.type,
        prompt: input.prompt,
        parameters: parametersOf(input),
        status: "pending",
        attempts: skippedAttempts,
      })
      .returning({ id: generations.id });
    if (!row) throw new Error("insert returned no row");
    return { generationId: row.id, candidates };
  });
}
