"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { loginSchema } from "@/app/api/auth/login/schema";
import { signupSchema } from "@/app/api/auth/signup/schema";
import { ApiError, api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { passwordWeakness } from "@/lib/shared/password-policy";
import { clearUserCaches } from "@/lib/shared/pwa";
import { safeNextPath } from "@/lib/shared/safe-next";
import { Field } from "./field";

/** Log-in and sign-up: the same zod schemas as the API give the messages before anything is sent. */
export function AuthForm({ mode }: { mode: "login" | "signup" }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      [...form.entries()].map(([k, v]) => [k, String(v)]).filter(([k, v]) => k !== "name" || v !== ""),
    );
    const parsed = (mode === "login" ? loginSchema : signupSchema).safeParse(values);
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) fieldErrors[i.path.join(".")] ??= i.message;
    if (mode === "signup" && !fieldErrors.password) {
      const weak = passwordWeakness(String(values.password ?? ""), String(values.email ?? ""));
      if (weak) fieldErrors.password = weak;
    }
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length > 0 || !parsed.success) return;
    setPending(true);
    try {
      await api(`/api/auth/${mode}`, { method: "POST", body: parsed.data });
      // A new session starts with nothing kept from whoever used this device before.
      await clearUserCaches();
      router.replace(next);
      router.refresh();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError("UNKNOWN", "Something went wrong.", 0);
      const byField = apiError.fieldErrors();
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(apiError.message);
      setPending(false);
    }
  }

  const isLogin = mode === "login";
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {formError ? (
        <p role="alert" className="rounded-md border border-danger px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      {!isLogin ? <Field label="Name (optional)" name="name" autoComplete="name" maxLength={255} /> : null}
      <Field label="E-mail" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={isLogin ? "current-password" : "new-password"}
        required
        error={errors.password}
        hint={isLogin ? undefined : "At least 10 characters; avoid common passwords."}
      />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded-md bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60"
      >
        {pending ? (isLogin ? "Logging in…" : "Creating account…") : isLogin ? "Log in" : "Create account"}
      </button>
      <p className="text-center text-sm text-muted">
        {isLogin ? "New to Atelier? " : "Already have an account? "}
        <Link
          className="font-medium text-accent underline"
          href={`${isLogin ? "/signup" : "/login"}${next !== "/projects" ? `?next=${encodeURIComponent(next)}` : ""}`}
        >
          {isLogin ? "Create an account" : "Log in"}
        </Link>
      </p>
    </form>
  );
}
