import "server-only";
import { and, arrayContains, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { ListAssetsQuery, UpdateAssetInput } from "@/app/api/assets/schema";
import type { Executor } from "../db/client";
import { assets, generations } from "../db/schema";
import { decodeCursor, encodeCursor } from "../http/cursor";
import { AppError } from "../http/errors";
import { toAsset } from "./to-asset";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Filters, text search over name, description and the prompt, and keyset pagination. */
export async function listAssets(db: Executor, { userId, ...q }: { userId: string } & ListAssetsQuery) {
  const cursor = decodeCursor(q.cursor);
  const like = q.q ? `%${escapeLike(q.q)}%` : null;
  const filters: (SQL | undefined)[] = [
    eq(assets.userId, userId),
    q.projectId ? eq(assets.projectId, q.projectId) : undefined,
    q.type ? eq(assets.type, q.type) : undefined,
    q.tag ? arrayContains(assets.tags, [q.tag.toLowerCase()]) : undefined,
    q.favorite !== undefined ? eq(assets.favorite, q.favorite) : undefined,
    q.archived === "all" ? undefined : q.archived === "true" ? isNotNull(assets.archivedAt) : isNull(assets.archivedAt),
    like ? or(ilike(assets.name, like), ilike(assets.description, like), ilike(generations.prompt, like)) : undefined,
    cursor
      ? or(
          lt(assets.createdAt, cursor.createdAt),
          and(eq(assets.createdAt, cursor.createdAt), lt(assets.id, cursor.id)),
        )
      : undefined,
  ];
  const rows = await db
    .select({ asset: assets, prompt: generations.prompt })
    .from(assets)
    .leftJoin(generations, eq(generations.id, assets.generationId))
    .where(and(...filters))
    .orderBy(desc(assets.createdAt), desc(assets.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1)?.asset;
  return {
    items: page.map((r) => toAsset(r.asset, { prompt: r.prompt })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function getAssetRow(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .select({ asset: assets, generation: generations })
    .from(assets)
    .leftJoin(generations, eq(generations.id, assets.generationId))
    .where(and(eq(assets.id, id), eq(assets.userId, userId)));
  if (!row) throw AppError.notFound("Asset");
  return row;
}

export async function getAsset(db: Executor, args: { userId: string; id: string }) {
  const { asset, generation } = await getAssetRow(db, args);
  return {
    ...toAsset(asset, { prompt: generation?.prompt ?? null }),
    generation: generation
      ? {
          id: generation.id,
          provider: generation.provider,
          model: generation.model,
          parameters: generation.parameters,
          costCents: generation.costCents,
          createdAt: generation.createdAt.toISOString(),
        }
      : null,
  };
}

export async function updateAsset(
  db: Executor,
  { userId, id, archived, ...fields }: { userId: string; id: string } & UpdateAssetInput,
) {
  const [row] = await db
    .update(assets)
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.description !== undefined ? { description: fields.description || null } : {}),
      ...(fields.tags !== undefined ? { tags: fields.tags } : {}),
      ...(fields.favorite !== undefined ? { favorite: fields.favorite } : {}),
      ...(archived !== undefined ? { archivedAt: archived ? sql`coalesce(${assets.archivedAt}, now())` : null } : {}),
    })
    .where(and(eq(assets.id, id), eq(assets.userId, userId)))
    .returning();
  if (!row) throw AppError.notFound("Asset");
  return toAsset(row);
}

/** Deletes the row; the caller removes its files once the transaction has committed. */
export async function deleteAsset(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .delete(assets)
    .where(and(eq(assets.id, id), eq(assets.userId, userId)))
    .returning({ id: assets.id, storagePath: assets.storagePath, thumbnailPath: assets.thumbnailPath });
  if (!row) throw AppError.notFound("Asset");
  return row;
}
