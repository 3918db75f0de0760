import "server-only";
import type { generations } from "../db/schema";

type Row = typeof generations.$inferSelect;

export function toGeneration(row: Row, assetIds: string[] = []) {
  return {
    id: row.id,
    projectId: row.projectId,
    provider: row.provider,
    model: row.model,
    type: row.generationType,
    prompt: row.prompt,
    parameters: row.parameters,
    status: row.status,
    progress: row.progress,
    queuePosition: row.queuePosition,
    estimatedCostCents: row.estimatedCostCents,
    costCents: row.costCents,
    costIssues: row.costIssues,
    tokensInput: row.tokensInput,
    tokensOutput: row.tokensOutput,
    tokensTotal: row.tokensTotal,
    attempts: row.attempts,
    errorMessage: row.errorMessage,
    result: row.result,
    assetIds,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
  };
}
export type Generation = ReturnType<typeof toGeneration>;
