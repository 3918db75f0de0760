import "server-only";
import { createServerClient } from "@supabase/ssr";
import WebSocket from "ws";
import { passwordWeakness } from "@/lib/shared/password-policy";
import type { CookieJar } from "../http/cookies";
import { AppError } from "../http/errors";
import type { AuthAdapter, AuthUser } from "./types";

type SupabaseSettings = { url: string; anonKey: string };
type AuthErrorLike = { code?: string; status?: number; message?: string };

/** Supabase Auth through @supabase/ssr: the session lives in Supabase's own cookies. */
export function createSupabaseAuth(settings: SupabaseSettings, secureCookies: boolean): AuthAdapter {
  const clientFor = (cookies: CookieJar) =>
    createServerClient(settings.url, settings.anonKey, {
      cookies: {
        getAll: () => cookies.getAll(),
        setAll: (toSet) => {
          for (const c of toSet) {
            cookies.set(c.name, c.value, {
              httpOnly: true,
              sameSite: "lax",
              path: "/",
              secure: secureCookies,
              maxAge: c.options?.maxAge,
            });
          }
        },
      },
      auth: { flowType: "pkce", autoRefreshToken: false, detectSessionInUrl: false },
      // supabase-js builds a realtime client even when unused; Node 20 has no global WebSocket.
      realtime: { transport: WebSocket as never },
    });

  return {
    kind: "supabase",

    async signUp(input, ctx) {
      const weakness = passwordWeakness(input.password, input.email);
      if (weakness) throw new AppError("WEAK_PASSWORD", weakness, { field: "password" });
      const { data, error } = await clientFor(ctx.cookies).auth.signUp({
        email: input.email.toLowerCase(),
        password: input.password,
        options: { data: input.name ? { name: input.name } : {} },
      });
      if (error) throw mapSupabaseError(error);
      if (!data.user) throw new AppError("INTERNAL_ERROR", "Sign-up returned no user.");
      return toUser(data.user);
    },

    async logIn(input, ctx) {
      const { data, error } = await clientFor(ctx.cookies).auth.signInWithPassword({
        email: input.email.toLowerCase(),
        password: input.password,
      });
      if (error) throw mapSupabaseError(error);
      return toUser(data.user);
    },

    async changePassword(user, input, ctx) {
      const weakness = passwordWeakness(input.newPassword, user.email);
      if (weakness) throw new AppError("WEAK_PASSWORD", weakness, { field: "newPassword" });
      const client = clientFor(ctx.cookies);
      const check = await client.auth.signInWithPassword({ email: user.email, password: input.currentPassword });
      if (check.error) {
        throw new AppError("INVALID_CREDENTIALS", "Your current password is wrong.", { field: "currentPassword" });
      }
      const { error } = await client.auth.updateUser({ password: input.newPassword });
      if (error) throw mapSupabaseError(error);
    },

    async logOut(ctx) {
      const { error } = await clientFor(ctx.cookies).auth.signOut({ scope: "local" });
      if (error && error.status !== 401 && error.status !== 403) throw mapSupabaseError(error);
    },

    async currentUser(cookies) {
      if (!cookies.getAll().some((c) => c.name.startsWith("sb-"))) return null;
      const { data, error } = await clientFor(cookies).auth.getUser();
      if (error || !data.user) return null;
      return toUser(data.user);
    },
  };
}

function toUser(user: { id: string; email?: string | null }): AuthUser {
  return { id: user.id, email: user.email ?? "" };
}

/** Supabase Auth's error codes, in our envelope's terms; its own messages are not passed through. */
function mapSupabaseError(error: AuthErrorLike): AppError {
  switch (error.code) {
    case "user_already_exists":
    case "email_exists":
      return new AppError("EMAIL_TAKEN", "An account with this e-mail already exists. Log in instead.", {
        field: "email",
      });
    case "weak_password":
      return new AppError("WEAK_PASSWORD", "This password is too weak.", { field: "password" });
    case "invalid_credentials":
      return new AppError("INVALID_CREDENTIALS", "The e-mail or password is wrong.");
    case "email_not_confirmed":
      return new AppError("UNAUTHORIZED", "Confirm your e-mail address first: check your inbox.");
    case "over_request_rate_limit":
      return new AppError(
        "RATE_LIMITED",
        "Too many attempts. Wait a few minutes and try again.",
        {},
        { "Retry-After": "60" },
      );
  }
  if (error.status === 429) {
    return new AppError(
      "RATE_LIMITED",
      "Too many attempts. Wait a few minutes and try again.",
      {},
      { "Retry-After": "60" },
    );
  }
  if (error.status === 400 || error.status === 422)
    return new AppError("BAD_REQUEST", "The auth service refused the request.");
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "The auth service is unavailable. Try again shortly.",
    {},
    { "Retry-After": "5" },
  );
}
