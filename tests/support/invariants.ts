import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, rowsOf } from "@/lib/server/db/client";
import { asService } from "@/lib/server/db/rls";

/** The layout `storeOutputs` and `setAvatar` write: `user/project/asset.ext`, `user/project/asset.thumb.webp`, `user/profile/avatar.webp`. */
const AVATAR = /^([0-9a-f-]{36})\/profile\/avatar\.webp$/;

/** Every file under a storage root, as storage paths (`a/b/c`), temporary half-writes included. */
export async function storedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export type InvariantScope = {
  /** The users a fault touched: their projects and generations are checked. */
  userIds: string[];
  /** The storage root of this test file: every file under it is checked against the asset rows. */
  storageRoot: string;
};

/**
 * What must hold after any fault, once the product has had its chance to recover:
 * - no generation is left pending or processing, except a video job still running at its provider (a provider job
 *   id, before its deadline); a generation that ended holds no reservation;
 * - each project reserves exactly what its running video jobs reserve (zero when none), and has spent exactly the
 *   sum of its generations' costs;
 * - every asset row's file (and thumbnail) is in storage with the recorded size, and every stored file belongs to an
 *   asset row (or is the avatar of a user who has one); no half-written temporary file is left.
 * Violations are collected, so a failure lists all of them in its message. Reads on the service path (no RLS).
 */
export async function expectInvariants(database: Database, scope: InvariantScope): Promise<void> {
  const violations: string[] = [];
  const { userIds, storageRoot } = scope;
  const ids = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

  const generations = await asService(
    async (db) =>
      rowsOf<{
        id: string;
        status: string;
        type: string;
        job: string | null;
        reserved: string;
        running_job: boolean;
      }>(
        await db.execute(sql`
          select id, status, generation_type as type, provider_job_id as job, reserved_cents::text as reserved,
                 (status in ('pending', 'processing') and generation_type = 'video' and provider_job_id is not null
                  and (deadline_at is null or deadline_at > now())) as running_job
            from public.generations where user_id in (${ids}) order by created_at`),
      ),
    database,
  );
  for (const g of generations) {
    if (["pending", "processing"].includes(g.status) && !g.running_job)
      violations.push(`generation ${g.id} (${g.type}) left ${g.status}`);
    if (!["pending", "processing"].includes(g.status) && Number(g.reserved) !== 0)
      violations.push(`generation ${g.id} ended ${g.status} still reserving ${g.reserved}`);
  }

  const projects = await asService(
    async (db) =>
      rowsOf<{
        id: string;
        reserved: string;
        jobs_reserve: string;
        reserve_ok: boolean;
        spent: string;
        costs: string;
        spent_ok: boolean;
      }>(
        await db.execute(sql`
          with per_project as (
            select p.id, p.reserved_cents, p.spent_cents,
                   coalesce((select sum(g.reserved_cents) from public.generations g
                              where g.project_id = p.id and g.status in ('pending', 'processing')
                                and g.generation_type = 'video' and g.provider_job_id is not null
                                and (g.deadline_at is null or g.deadline_at > now())), 0) as jobs_reserve,
                   coalesce((select sum(g.cost_cents) from public.generations g where g.project_id = p.id), 0) as costs
              from public.projects p where p.user_id in (${ids})
          )
          select id, reserved_cents::text as reserved, trim_scale(jobs_reserve)::text as jobs_reserve,
                 reserved_cents = jobs_reserve as reserve_ok, spent_cents::text as spent,
                 trim_scale(costs)::text as costs, spent_cents = costs as spent_ok
            from per_project`),
      ),
    database,
  );
  if (projects.length === 0) violations.push("no project found for the users given");
  for (const p of projects) {
    if (!p.reserve_ok)
      violations.push(`project ${p.id} reserves ${p.reserved}; its running video jobs reserve ${p.jobs_reserve}`);
    if (!p.spent_ok) violations.push(`project ${p.id} has spent ${p.spent}; its generations cost ${p.costs}`);
  }

  const assetRows = await asService(
    async (db) =>
      rowsOf<{ id: string; storage_path: string | null; thumbnail_path: string | null; size: string | null }>(
        await db.execute(sql`
          select id, storage_path, thumbnail_path, file_size_bytes::text as size
            from public.assets where user_id in (${ids})`),
      ),
    database,
  );
  const sizeOf = async (p: string) => {
    try {
      return (await stat(path.join(storageRoot, p))).size;
    } catch {
      return null;
    }
  };
  for (const a of assetRows) {
    if (!a.storage_path) {
      violations.push(`asset ${a.id} has no storage path`);
      continue;
    }
    const size = await sizeOf(a.storage_path);
    if (size === null) violations.push(`asset ${a.id}: ${a.storage_path} is missing from storage`);
    else if (a.size !== null && Number(a.size) !== size)
      violations.push(`asset ${a.id}: ${a.storage_path} holds ${size} bytes, the row says ${a.size}`);
    if (a.thumbnail_path && (await sizeOf(a.thumbnail_path)) === null)
      violations.push(`asset ${a.id}: thumbnail ${a.thumbnail_path} is missing from storage`);
  }

  const files = await storedFiles(storageRoot);
  const listed = sql.join(
    files.map((f) => sql`(${f}::text)`),
    sql`, `,
  );
  const owners =
    files.length === 0
      ? []
      : await asService(
          async (db) =>
            rowsOf<{ p: string }>(
              await db.execute(sql`
                select f.p from (values ${listed}) as f(p)
                 where exists (select 1 from public.assets a where a.storage_path = f.p or a.thumbnail_path = f.p)`),
            ),
          database,
        );
  const owned = new Set(owners.map((o) => o.p));
  for (const file of files) {
    if (file.endsWith(".tmp")) {
      violations.push(`half-written temporary file left: ${file}`);
      continue;
    }
    const avatar = AVATAR.exec(file);
    if (avatar) {
      const [user] = await asService(
        async (db) =>
          rowsOf<{ avatar_url: string | null }>(
            await db.execute(sql`select avatar_url from public.users where id = ${avatar[1]}::uuid`),
          ),
        database,
      );
      if (!user?.avatar_url) violations.push(`avatar file without a user who has an avatar: ${file}`);
      continue;
    }
    if (!owned.has(file)) violations.push(`stored file belongs to no asset: ${file}`);
  }

  expect(violations, `invariants violated:\n${violations.join("\n")}`).toEqual([]);
}
