import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AssetActions } from "@/components/assets/asset-actions";
import { Providers } from "@/components/providers";
import { getAsset, getAssetRow } from "@/lib/server/assets/assets";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { asUser } from "@/lib/server/db/rls";
import { AppError } from "@/lib/server/http/errors";
import { getStorage } from "@/lib/server/storage";
import { formatUsd } from "@/lib/shared/money";

export const metadata: Metadata = { title: "Asset" };

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  let asset: Awaited<ReturnType<typeof getAsset>>;
  let text: string | null = null;
  try {
    asset = await asUser(user.id, (tx) => getAsset(tx, { userId: user.id, id }));
    if (asset.type === "text") {
      const { asset: row } = await asUser(user.id, (tx) => getAssetRow(tx, { userId: user.id, id }));
      const bytes = row.storagePath ? await getStorage().get(row.storagePath) : null;
      text = bytes ? new TextDecoder().decode(bytes) : null;
    }
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const g = asset.generation;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/assets" className="text-accent underline">
          Library
        </Link>
      </nav>
      <h1 className="mb-4 break-words text-2xl font-semibold">{asset.name ?? "Untitled"}</h1>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {asset.type === "image" ? (
            <a href={asset.fileUrl} target="_blank" rel="noreferrer" title="Open full size">
              <img
                src={asset.fileUrl}
                alt={asset.prompt ?? "Generated image"}
                className="w-full cursor-zoom-in rounded-xl border border-border"
                width={asset.width ?? undefined}
                height={asset.height ?? undefined}
              />
            </a>
          ) : asset.type === "video" ? (
            // biome-ignore lint/a11y/useMediaCaption: generated video has no caption track
            <video controls src={asset.fileUrl} className="w-full rounded-xl" />
          ) : asset.type === "audio" ? (
            // biome-ignore lint/a11y/useMediaCaption: generated speech has no caption track
            <audio controls src={asset.fileUrl} className="w-full" />
          ) : (
            <div className="whitespace-pre-wrap rounded-xl border border-border bg-surface p-4">{text}</div>
          )}
        </div>
        <div className="space-y-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted">Prompt</dt>
            <dd className="break-words">{asset.prompt ?? "—"}</dd>
            <dt className="text-muted">Provider</dt>
            <dd>{g?.provider ?? "—"}</dd>
            <dt className="text-muted">Model</dt>
            <dd>{g?.model ?? "—"}</dd>
            <dt className="text-muted">Parameters</dt>
            <dd className="break-words font-mono text-xs">{g ? JSON.stringify(g.parameters) : "—"}</dd>
            <dt className="text-muted">Cost</dt>
            <dd>{formatUsd(g?.costCents)}</dd>
            <dt className="text-muted">Created</dt>
            <dd>{new Date(asset.createdAt).toLocaleString()}</dd>
            <dt className="text-muted">File</dt>
            <dd>
              {asset.fileFormat} · {Math.max(1, Math.round(Number(asset.fileSizeBytes ?? 0) / 1024))} KB
              {asset.width ? ` · ${asset.width}×${asset.height}` : ""}
            </dd>
          </dl>
          <Providers>
            <AssetActions
              id={asset.id}
              projectId={asset.projectId}
              type={asset.type}
              tags={asset.tags}
              favorite={asset.favorite}
              archived={asset.archivedAt != null}
              prompt={asset.prompt ?? null}
              provider={g?.provider ?? null}
              model={g?.model ?? null}
              fileUrl={asset.fileUrl}
            />
          </Providers>
        </div>
      </div>
    </>
  );
}
