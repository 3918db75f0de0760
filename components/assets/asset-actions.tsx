"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { GenerationType } from "@/lib/shared/providers";
import { forgetAssetOffline } from "@/lib/shared/pwa";
import { useGenerationStore } from "@/lib/stores/generation-store";
import { useProjectStore } from "@/lib/stores/project-store";
import { useUiStore } from "@/lib/stores/ui-store";

type Props = {
  id: string;
  projectId: string;
  type: string;
  tags: string[];
  favorite: boolean;
  archived: boolean;
  prompt: string | null;
  provider: string | null;
  model: string | null;
  fileUrl: string;
};

/** Tag, favourite, archive, delete, download, and "generate again" with the same prompt and model. */
export function AssetActions(props: Props) {
  const router = useRouter();
  const toast = useUiStore((s) => s.toast);
  const reset = useGenerationStore((s) => s.reset);
  const selectProject = useProjectStore((s) => s.select);
  const [tags, setTags] = useState(props.tags.join(", "));
  const [favorite, setFavorite] = useState(props.favorite);

  const save = async (patch: Record<string, unknown>, message: string) => {
    try {
      await api(`/api/assets/${props.id}`, { method: "PUT", body: patch });
      toast("success", message);
      router.refresh();
    } catch (error) {
      toast("error", error instanceof ApiError ? error.message : "Something went wrong.");
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={favorite}
          className="rounded-md border border-border px-3 py-1.5 text-sm"
          onClick={async () => {
            setFavorite(!favorite);
            await save({ favorite: !favorite }, favorite ? "Removed from favourites." : "Added to favourites.");
          }}
        >
          {favorite ? "★ Favourite" : "☆ Favourite"}
        </button>
        <a href={`${props.fileUrl}?download=1`} className="rounded-md border border-border px-3 py-1.5 text-sm">
          Download
        </a>

        {props.prompt ? (
          <button
            type="button"
            className="rounded-md border border-border px-3 py-1.5 text-sm"
            onClick={() => {
              selectProject(props.projectId);
              reset({
                type: props.type as GenerationType,
                prompt: props.prompt ?? "",
                providerModel: props.provider && props.model ? `${props.provider}::${props.model}` : "",
              });
              router.push("/generate");
            }}
          >
            Generate again
          </button>
        ) : null}
        <button
          type="button"
          className="rounded-md border border-border px-3 py-1.5 text-sm"
          onClick={() => save({ archived: !props.archived }, props.archived ? "Restored." : "Archived.")}
        >
          {props.archived ? "Unarchive" : "Archive"}
        </button>
        <button
          type="button"
          className="rounded-md border border-danger px-3 py-1.5 text-sm text-danger"
          onClick={async () => {
            if (!window.confirm("Delete this asset and its file? This cannot be undone.")) return;
            try {
              await api(`/api/assets/${props.id}`, { method: "DELETE" });
              await forgetAssetOffline(props.id);
              toast("success", "Deleted.");
              router.replace("/assets");
              router.refresh();
            } catch (error) {
              toast("error", error instanceof ApiError ? error.message : "Something went wrong.");
            }
          }}
        >
          Delete
        </button>
      </div>
      <form
        method="post"
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void save(
            {
              tags: tags
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean),
            },
            "Tags saved.",
          );
        }}
      >
        <div className="flex-1">
          <label htmlFor="asset-tags" className="block text-sm font-medium">
            Tags (comma-separated)
          </label>
          <input
            id="asset-tags"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            className="mt-1 w-full rounded-md border border-border bg-surface px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
          Save tags
        </button>
      </form>
    </div>
  );
}
