"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { type AssetFilters, type AssetItem, useAssets, useDeleteAssets, useUpdateAssets } from "@/lib/query/hooks";
import { useUiStore } from "@/lib/stores/ui-store";

const TYPES = ["all", "image", "video", "audio", "text"] as const;

function Thumb({ asset }: { asset: AssetItem }) {
  if (asset.thumbnailUrl) {
    return (
      <img
        src={asset.thumbnailUrl}
        alt=""
        loading="lazy"
        className="h-full w-full object-cover"
        width={384}
        height={384}
      />
    );
  }
  const label = { video: "▶ Video", audio: "♪ Audio", text: "¶ Text" }[asset.type] ?? asset.type;
  return (
    <span className="flex h-full w-full items-center justify-center bg-border/40 text-sm font-medium text-muted">
      {label}
    </span>
  );
}

/** The asset grid: type filters, tag and text search, favourites, archive, multi-select with bulk actions. */
export function AssetLibrary({ projectId }: { projectId?: string }) {
  const toast = useUiStore((s) => s.toast);
  const [type, setType] = useState<(typeof TYPES)[number]>("all");
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const [favorite, setFavorite] = useState(false);
  const [archived, setArchived] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTag, setBulkTag] = useState("");
  const filters: AssetFilters = {
    projectId,
    type: type === "all" ? undefined : type,
    q: q.trim() || undefined,
    tag: tag.trim().toLowerCase() || undefined,
    favorite: favorite || undefined,
    archived: archived ? "true" : "false",
  };
  const assets = useAssets(filters);
  const update = useUpdateAssets();
  const remove = useDeleteAssets();
  const items = assets.data?.items ?? [];
  const ids = [...selected].filter((id) => items.some((a) => a.id === id));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
      toast("success", label);
      setSelected(new Set());
    } catch (error) {
      toast("error", error instanceof ApiError ? error.message : "Something went wrong.");
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <fieldset aria-label="Type" className="flex gap-1 rounded-lg border border-border p-1">
          {TYPES.map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={type === t}
              onClick={() => setType(t)}
              className={`rounded-md px-3 py-1.5 text-sm capitalize ${type === t ? "bg-accent text-accent-fg" : ""}`}
            >
              {t}
            </button>
          ))}
        </fieldset>
        <div>
          <label htmlFor="asset-search" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="asset-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Name or prompt"
            className="mt-1 w-44 rounded-md border border-border bg-surface px-3 py-1.5"
          />
        </div>
        <div>
          <label htmlFor="asset-tag" className="block text-sm font-medium">
            Tag
          </label>
          <input
            id="asset-tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            placeholder="any"
            className="mt-1 w-28 rounded-md border border-border bg-surface px-3 py-1.5"
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={favorite}
            onChange={(e) => setFavorite(e.target.checked)}
            className="h-4 w-4"
          />{" "}
          Favourites
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => setArchived(e.target.checked)}
            className="h-4 w-4"
          />{" "}
          Archived
        </label>
      </div>

      {ids.length > 0 ? (
        <div
          role="toolbar"
          aria-label="Selected assets"
          className="flex flex-wrap items-center gap-2 rounded-lg border border-accent p-2 text-sm"
        >
          <span className="font-medium">{ids.length} selected</span>
          <label htmlFor="bulk-tag" className="sr-only">
            Tag to add
          </label>
          <input
            id="bulk-tag"
            value={bulkTag}
            onChange={(e) => setBulkTag(e.target.value)}
            placeholder="tag"
            className="w-24 rounded-md border border-border bg-surface px-2 py-1"
          />
          <button
            type="button"
            className="rounded-md border border-border px-3 py-1"
            disabled={!bulkTag.trim()}
            onClick={() =>
              run("Tagged.", async () => {
                for (const a of items.filter((x) => ids.includes(x.id))) {
                  await update.mutateAsync({ ids: [a.id], patch: { tags: [...a.tags, bulkTag.trim().toLowerCase()] } });
                }
              })
            }
          >
            Add tag
          </button>
          <button
            type="button"
            className="rounded-md border border-border px-3 py-1"
            onClick={() =>
              run(archived ? "Restored." : "Archived.", () =>
                update.mutateAsync({ ids, patch: { archived: !archived } }),
              )
            }
          >
            {archived ? "Unarchive" : "Archive"}
          </button>
          <button
            type="button"
            className="rounded-md border border-danger px-3 py-1 text-danger"
            onClick={() =>
              window.confirm(`Delete ${ids.length} asset(s) and their files? This cannot be undone.`) &&
              run("Deleted.", () => remove.mutateAsync(ids))
            }
          >
            Delete
          </button>
        </div>
      ) : null}

      {assets.isPending ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-hidden="true">
          {["a", "b", "c", "d", "e", "f", "g", "h"].map((k) => (
            <li key={k} className="aspect-square animate-pulse rounded-xl bg-border/50" />
          ))}
        </ul>
      ) : items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-10 text-center text-muted">
          {q || tag || favorite || type !== "all"
            ? "Nothing matches these filters."
            : "No assets yet — generate something."}
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label="Assets">
          {items.map((a) => (
            <li
              key={a.id}
              className="group relative overflow-hidden rounded-xl border border-border bg-surface"
              data-testid="asset-card"
            >
              <Link href={`/assets/${a.id}`} className="block">
                <div className="aspect-square">
                  <Thumb asset={a} />
                </div>
                <div className="p-2">
                  <p className="truncate text-sm font-medium">{a.name ?? "Untitled"}</p>
                  <p className="truncate text-xs text-muted">
                    {a.favorite ? "★ " : ""}
                    {a.tags.join(", ") || a.type}
                  </p>
                </div>
              </Link>
              <label className="absolute left-2 top-2 flex items-center rounded bg-surface/90 p-1">
                <input
                  type="checkbox"
                  checked={selected.has(a.id)}
                  onChange={() => toggle(a.id)}
                  className="h-4 w-4"
                  aria-label={`Select ${a.name ?? "asset"}`}
                />
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
