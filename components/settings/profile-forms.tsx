"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, api, isOffline, networkError, offlineError } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { passwordWeakness } from "@/lib/shared/password-policy";
import { Field } from "../field";

type Message = { kind: "ok" | "error"; text: string } | null;

function Note({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p
      role={message.kind === "error" ? "alert" : "status"}
      className={message.kind === "error" ? "text-sm text-danger" : "text-sm"}
    >
      {message.text}
    </p>
  );
}

/** The avatar: upload a picture (squared to 256 px on the server) or remove it. */
export function AvatarPicker({ avatarUrl, fallback }: { avatarUrl: string | null; fallback: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    setMessage(null);
    try {
      if (isOffline()) throw offlineError("Uploading an avatar");
      const res = await fetch("/api/profile/avatar", {
        method: "PUT",
        headers: { "Content-Type": file.type },
        body: file,
      }).catch(() => {
        throw networkError();
      });
      const json = await res.json();
      if (!json.success) throw new ApiError(json.error, json.message, res.status, json.details);
      setMessage({ kind: "ok", text: "Avatar saved." });
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof ApiError ? error.message : "Could not upload the image." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-4">
      {avatarUrl ? (
        <img src={avatarUrl} alt="Your avatar" width={56} height={56} className="h-14 w-14 rounded-full object-cover" />
      ) : (
        <span
          aria-hidden="true"
          className="flex h-14 w-14 items-center justify-center rounded-full bg-accent text-lg font-semibold text-accent-fg"
        >
          {fallback}
        </span>
      )}
      <label className="cursor-pointer rounded-md border border-border px-3 py-1.5 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent">
        {busy ? "Uploading…" : "Change avatar"}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          className="sr-only"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {avatarUrl ? (
        <button
          type="button"
          className="rounded-md border border-border px-3 py-1.5 text-sm"
          onClick={async () => {
            await api("/api/profile/avatar", { method: "DELETE" }).catch(() => undefined);
            router.refresh();
          }}
        >
          Remove
        </button>
      ) : null}
      <Note message={message} />
    </div>
  );
}

export function ProfileForm({ name, email }: { name: string | null; email: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setSaving(true);
    try {
      await api("/api/profile", { method: "PUT", body: { name: value || null } });
      setMessage({ kind: "ok", text: "Profile saved." });
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof ApiError ? error.message : "Something went wrong." });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <p className="text-sm text-muted">{email}</p>
      <Field label="Name" name="name" defaultValue={name ?? ""} maxLength={120} autoComplete="name" />
      <Note message={message} />
      <button
        type="submit"
        disabled={saving || !hydrated}
        className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
      >
        {saving ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const fieldErrors: Record<string, string> = {};
    if (!currentPassword) fieldErrors.currentPassword = "Enter your current password.";
    const weak = passwordWeakness(newPassword, email);
    if (weak) fieldErrors.newPassword = weak;
    setErrors(fieldErrors);
    setMessage(null);
    if (Object.keys(fieldErrors).length) return;
    setSaving(true);
    try {
      await api("/api/auth/password", { method: "POST", body: { currentPassword, newPassword } });
      form.reset();
      setMessage({ kind: "ok", text: "Password changed. Other devices have been signed out." });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError("UNKNOWN", "Something went wrong.", 0);
      const byField = e.fieldErrors();
      setErrors(byField);
      if (!Object.keys(byField).length) setMessage({ kind: "error", text: e.message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        error={errors.newPassword}
        hint="At least 10 characters; avoid common passwords."
      />
      <Note message={message} />
      <button
        type="submit"
        disabled={saving || !hydrated}
        className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
      >
        {saving ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
