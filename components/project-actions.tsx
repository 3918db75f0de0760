"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ApiError, api } from "@/lib/client/api";

/** Edit, archive/unarchive, and delete behind a confirmation dialog. */
export function ProjectActions({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function run(action: string, call: () => Promise<unknown>, after: () => void) {
    setPending(action);
    setError(null);
    try {
      await call();
      after();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong.");
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link href={`/projects/${id}/edit`} className="rounded-md border border-border px-3 py-1.5 text-sm">
        Edit
      </Link>
      <button
        type="button"
        disabled={pending !== null}
        className="rounded-md border border-border px-3 py-1.5 text-sm"
        onClick={() =>
          run(
            "archive",
            () => api(`/api/projects/${id}`, { method: "PUT", body: { archived: !archived } }),
            () => router.refresh(),
          )
        }
      >
        {pending === "archive" ? "Saving…" : archived ? "Unarchive" : "Archive"}
      </button>
      <button
        type="button"
        className="rounded-md border border-danger px-3 py-1.5 text-sm text-danger"
        onClick={() => dialog.current?.showModal()}
      >
        Delete
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        className="m-auto max-w-sm rounded-xl border border-border bg-surface p-6 text-fg backdrop:bg-black/50"
      >
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete “{name}”?
        </h2>
        <p className="mt-2 text-sm text-muted">
          Its generations, assets and analytics are deleted too. This cannot be undone.
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <button
            type="button"
            className="rounded-md border border-border px-4 py-2"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <button
            type="button"
            disabled={pending !== null}
            className="rounded-md bg-danger px-4 py-2 font-medium text-white"
            onClick={() =>
              run(
                "delete",
                () => api(`/api/projects/${id}`, { method: "DELETE" }),
                () => {
                  dialog.current?.close();
                  router.replace("/projects");
                  router.refresh();
                },
              )
            }
          >
            {pending === "delete" ? "Deleting…" : "Delete project"}
          </button>
        </div>
      </dialog>
    </div>
  );
}
