import "server-only";
import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { ListGenerationsQuery } from "@/app/api/generations/schema";
import type { Executor } from "../db/client";
import { assets, generations } from "../db/schema";
import { decodeCursor, encodeCursor } from "../http/cursor";
import { AppError } from "../http/errors";
import { toGeneration } from "./to-generation";

async function assetIdsOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ id: assets.id, generationId: assets.generationId })
    .from(assets)
    .where(inArray(assets.generationId, ids));
  const map = new Map<string, string[]>();
  for (const r of rows) if (r.generationId) map.set(r.generationId, [...(map.get(r.generationId) ?? []), r.id]);
  return map;
}

export async function listGenerations(db: Executor, { userId, ...q }: { userId: string } & ListGenerationsQuery) {
  const cursor = decodeCursor(q.cursor);
  const filters: (SQL | undefined)[] = [
    eq(generations.userId, userId),
    q.projectId ? eq(generations.projectId, q.projectId) : undefined,
    q.type ? eq(generations.generationType, q.type) : undefined,
    q.status ? eq(generations.status, q.status) : undefined,
    cursor
      ? or(
          lt(generations.createdAt, cursor.createdAt),
          and(eq(generations.createdAt, cursor.createdAt), lt(generations.id, cursor.id)),
        )
      : undefined,
  ];
  const rows = await db
    .select()
    .from(generations)
    .where(and(...filters))
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const assetMap = await assetIdsOf(
    db,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => toGeneration(r, assetMap.get(r.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function getGenerationRow(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .select()
    .from(generations)
    .where(and(eq(generations.id, id), eq(generations.userId, userId)));
  if (!row) throw AppError.notFound("Generation");
  return row;
}

export async function getGeneration(db: Executor, { userId, id }: { userId: string; id: string }) {
  const row = await getGenerationRow(db, { userId, id });
  return toGeneration(row, (await assetIdsOf(db, [row.id])).get(row.id) ?? []);
}
