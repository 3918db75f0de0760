import "server-only";

export type CookieOptions = {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none";
  path?: string;
  maxAge?: number;
  expires?: Date;
  domain?: string;
};

/** Cookies read from a request and cookies to set on its response, so auth adapters never touch Next's globals. */
export class CookieJar {
  private readonly incoming: Map<string, string>;
  readonly outgoing: { name: string; value: string; options: CookieOptions }[] = [];

  constructor(cookieHeader: string | null) {
    this.incoming = parseCookieHeader(cookieHeader ?? "");
  }

  static fromRequest(req: Request): CookieJar {
    return new CookieJar(req.headers.get("cookie"));
  }

  get(name: string): string | undefined {
    return this.incoming.get(name);
  }

  getAll(): { name: string; value: string }[] {
    return [...this.incoming].map(([name, value]) => ({ name, value }));
  }

  set(name: string, value: string, options: CookieOptions = {}): void {
    this.incoming.set(name, value);
    this.outgoing.push({ name, value, options });
  }

  delete(name: string, options: CookieOptions = {}): void {
    this.incoming.delete(name);
    this.outgoing.push({ name, value: "", options: { ...options, maxAge: 0 } });
  }

  applyTo(headers: Headers): void {
    for (const c of this.outgoing) headers.append("Set-Cookie", serializeCookie(c.name, c.value, c.options));
  }
}

export function parseCookieHeader(header: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!name || map.has(name)) continue;
    try {
      map.set(name, decodeURIComponent(raw));
    } catch {
      map.set(name, raw);
    }
  }
  return map;
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  parts.push(`Path=${o.path ?? "/"}`);
  if (o.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(o.maxAge)}`);
  if (o.expires) parts.push(`Expires=${o.expires.toUTCString()}`);
  if (o.domain) parts.push(`Domain=${o.domain}`);
  if (o.httpOnly) parts.push("HttpOnly");
  if (o.secure) parts.push("Secure");
  if (o.sameSite) parts.push(`SameSite=${o.sameSite[0]?.toUpperCase()}${o.sameSite.slice(1)}`);
  return parts.join("; ");
}
