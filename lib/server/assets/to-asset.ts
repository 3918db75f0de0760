import "server-only";
import type { assets } from "../db/schema";

type Row = typeof assets.$inferSelect;

/** The API's view of an asset: files are served by our own route, never by a provider URL. */
export function toAsset(row: Row, extra: { prompt?: string | null } = {}) {
  return {
    id: row.id,
    projectId: row.projectId,
    generationId: row.generationId,
    type: row.type,
    name: row.name,
    description: row.description,
    fileUrl: `/api/assets/${row.id}/file`,
    thumbnailUrl: row.thumbnailPath ? `/api/assets/${row.id}/file?variant=thumbnail` : null,
    fileSizeBytes: row.fileSizeBytes,
    fileFormat: row.fileFormat,
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    metadata: row.metadata,
    tags: row.tags,
    favorite: row.favorite,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(extra.prompt !== undefined ? { prompt: extra.prompt } : {}),
  };
}
export type Asset = ReturnType<typeof toAsset>;
