import "server-only";
import type { LoginInput } from "@/app/api/auth/login/schema";
import type { ChangePasswordInput } from "@/app/api/auth/password/schema";
import type { SignupInput } from "@/app/api/auth/signup/schema";
import type { CookieJar } from "../http/cookies";

export type AuthUser = { id: string; email: string };

/** What an auth adapter may know of the request: client address, user agent, and its cookies. */
export type AuthContext = { ip: string; userAgent: string | null; cookies: CookieJar };

/** One interface, two adapters: local (embedded and self-hosted) and Supabase Auth. */
export interface AuthAdapter {
  readonly kind: "local" | "supabase";
  signUp(input: SignupInput, ctx: AuthContext): Promise<AuthUser>;
  logIn(input: LoginInput, ctx: AuthContext): Promise<AuthUser>;
  logOut(ctx: AuthContext): Promise<void>;
  /** Changes the password after checking the current one; other sessions are signed out. */
  changePassword(user: AuthUser, input: ChangePasswordInput, ctx: AuthContext): Promise<void>;
  /** The signed-in user, or null. Reads cookies; may refresh them through `cookies.set`. */
  currentUser(cookies: CookieJar): Promise<AuthUser | null>;
}
