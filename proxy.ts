import { type NextRequest, NextResponse } from "next/server";
import { getSentryConfig } from "@/lib/server/config-sentry";
import { safeNextPath } from "@/lib/shared/safe-next";

// With error reporting on, the browser may send reports to the DSN's host (and nowhere else).
const sentry = getSentryConfig();
const reportTo = sentry ? ` ${new URL(sentry.dsn).origin}` : "";

const PUBLIC_PAGES = new Set(["/login", "/signup"]);

/** A Content-Security-Policy with a fresh nonce: Next.js puts it on its own scripts; nothing else may run. */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (progress bars, charts) need inline styles; no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self'${reportTo}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Signed-out visitors go to /login and come back afterwards; the session itself is checked by the app layout. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const hasSession = request.cookies.getAll().some((c) => c.name === "atelier_session" || c.name.startsWith("sb-"));
  if (!PUBLIC_PAGES.has(pathname) && !hasSession) {
    const login = new URL("/login", request.url);
    const next = safeNextPath(`${pathname}${search}`, "");
    if (next && next !== "/") login.searchParams.set("next", next);
    return NextResponse.redirect(login);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    "/((?!api/|_next/|serwist/|favicon.ico|icons/|manifest.webmanifest|robots.txt|offline.html|offline.js|.*\\.(?:png|svg|ico|webp|txt)$).*)",
  ],
};
