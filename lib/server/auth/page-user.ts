import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/shared/safe-next";
import { CookieJar } from "../http/cookies";
import { getAuth } from ".";
import type { AuthUser } from "./types";

/** The signed-in user for a page; a signed-out (or revoked) visitor is sent to /login and back. */
export async function requirePageUser(): Promise<AuthUser> {
  const cookieStore = await cookies();
  const jar = new CookieJar(cookieStore.toString());
  const user = await getAuth().currentUser(jar);
  if (user) return user;
  const next = safeNextPath((await headers()).get("x-pathname"), "");
  redirect(next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login");
}

/** For the login and signup pages: is someone already signed in? */
export async function optionalPageUser(): Promise<AuthUser | null> {
  const cookieStore = await cookies();
  return getAuth().currentUser(new CookieJar(cookieStore.toString()));
}
