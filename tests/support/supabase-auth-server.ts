import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/server/db/client";

/**
 * A loopback stand-in for the Supabase Auth (GoTrue) endpoints @supabase/ssr calls: signup, password grant,
 * user, logout. Like real Supabase, it writes the user into auth.users of the project's database.
 */
export async function startSupabaseAuthStandIn(database: Database, anonKey: string) {
  const users = new Map<string, { id: string; email: string; password: string; name?: string }>();
  const sessions = new Map<string, string>(); // access token → user id
  const requests: { method: string; path: string; apikey: string | undefined }[] = [];

  const jwt = (userId: string, email: string) => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: userId, email, role: "authenticated", aud: "authenticated", iat: now, exp: now + 3600, session_id: randomUUID() })}`;
    return `${body}.${createHmac("sha256", "stand-in-secret").update(body).digest("base64url")}`;
  };
  const userJson = (u: { id: string; email: string; name?: string }) => ({
    id: u.id,
    aud: "authenticated",
    role: "authenticated",
    email: u.email,
    user_metadata: u.name ? { name: u.name } : {},
    app_metadata: { provider: "email" },
    created_at: new Date().toISOString(),
  });
  const sessionFor = (u: { id: string; email: string; name?: string }) => {
    const access_token = jwt(u.id, u.email);
    sessions.set(access_token, u.id);
    return {
      access_token,
      refresh_token: randomBytes(16).toString("hex"),
      token_type: "bearer",
      expires_in: 3600,
      user: userJson(u),
    };
  };

  const readJson = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let data = "";
      req.on("data", (c) => {
        data += c;
      });
      req.on("end", () => resolve(data ? JSON.parse(data) : {}));
    });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push({ method: req.method ?? "", path: url.pathname, apikey: req.headers.apikey as string | undefined });
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "x-supabase-api-version": "2024-01-01" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const fail = (status: number, code: string, msg: string) => send(status, { code, error_code: code, msg });
    if (req.headers.apikey !== anonKey) return fail(401, "no_authorization", "Invalid API key");

    if (req.method === "POST" && url.pathname === "/auth/v1/signup") {
      const body = await readJson(req);
      const email = String(body.email).toLowerCase();
      if ([...users.values()].some((u) => u.email === email))
        return fail(422, "user_already_exists", "User already registered");
      const name = (body.data as { name?: string } | undefined)?.name;
      const [row] = await database.raw.query<{ id: string }>(
        "insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id",
        [email, JSON.stringify(name ? { name } : {})],
      );
      const user = { id: (row as { id: string }).id, email, password: String(body.password), name };
      users.set(user.id, user);
      return send(200, sessionFor(user));
    }
    if (
      req.method === "POST" &&
      url.pathname === "/auth/v1/token" &&
      url.searchParams.get("grant_type") === "password"
    ) {
      const body = await readJson(req);
      const user = [...users.values()].find((u) => u.email === String(body.email).toLowerCase());
      if (!user || user.password !== body.password)
        return fail(400, "invalid_credentials", "Invalid login credentials");
      return send(200, sessionFor(user));
    }
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (req.method === "GET" && url.pathname === "/auth/v1/user") {
      const userId = sessions.get(token);
      const user = userId ? users.get(userId) : undefined;
      if (!user) return fail(403, "session_not_found", "Session from session_id claim in JWT does not exist");
      return send(200, userJson(user));
    }
    if (req.method === "POST" && url.pathname === "/auth/v1/logout") {
      sessions.delete(token);
      res.writeHead(204);
      return res.end();
    }
    fail(404, "not_found", "no such endpoint in the stand-in");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    activeSessions: () => sessions.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
