import { type NextRequest, NextResponse } from "next/server";
import { safeNextPath } from "@/lib/shared/safe-next";

const PUBLIC_PAGES = new Set(["/login", "/signup"]);

/** Signed-out visitors go to /login and come back afterwards; the session itself is checked by the app layout. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  const hasSession = request.cookies.getAll().some((c) => c.name === "atelier_session" || c.name.startsWith("sb-"));
  if (!PUBLIC_PAGES.has(pathname) && !hasSession) {
    const login = new URL("/login", request.url);
    const next = safeNextPath(`${pathname}${search}`, "");
    if (next && next !== "/") login.searchParams.set("next", next);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icons/|manifest.webmanifest|robots.txt|.*\\.(?:png|svg|ico|webp|txt)$).*)"],
};
