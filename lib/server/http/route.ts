import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getAuth } from "../auth";
import type { AuthUser } from "../auth/types";
import { getConfig } from "../config";
import { firstErrorLine, log } from "../log";
import { reportServerError } from "../observability/sentry";
import { readJsonBody } from "./body";
import { CookieJar } from "./cookies";
import { AppError, errorResponse, pgErrorCode, toAppError } from "./errors";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteContext<B, Q, P, U> = {
  req: Request;
  body: B;
  query: Q;
  params: P;
  user: U;
  cookies: CookieJar;
  ip: string;
  requestId: string;
};

type Options<B, Q, P> = { body?: B; query?: Q; params?: P; maxBodyBytes?: number };

/** A handler's answer: data for the success envelope, or a full Response for special cases (streams, files). */
export type Reply = { data: unknown; status?: number; message?: string } | Response;

export const ok = (data: unknown, message?: string): Reply => ({ data, message });
export const created = (data: unknown, message?: string): Reply => ({ data, status: 201, message });

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Next.js gives route handlers no CSRF protection: refuse mutations a browser sent from another site. */
function assertSameOrigin(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("CROSS_SITE_REQUEST", "Cross-site requests are not allowed.");
  }
  const origin = req.headers.get("origin");
  if (!origin) return;
  const appUrl = getConfig().appUrl;
  const expectedHost = appUrl
    ? new URL(appUrl).host
    : (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host);
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (!originHost || originHost !== expectedHost) {
    throw new AppError("CROSS_SITE_REQUEST", "Cross-site requests are not allowed.");
  }
}

export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || req.headers.get("x-real-ip") || "unknown").slice(0, 64);
}

function parseQuery(req: Request, schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  const url = new URL(req.url);
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) throw AppError.validation(result.error, "query");
  return result.data;
}

function build<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, U>(
  options: Options<B, Q, P>,
  authenticate: (cookies: CookieJar) => Promise<U>,
  handler: (ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, U>) => Promise<Reply>,
) {
  return async (req: Request, context?: { params?: Promise<unknown> }): Promise<Response> => {
    const requestId = randomUUID();
    const cookies = CookieJar.fromRequest(req);
    let response: Response;
    try {
      assertSameOrigin(req);
      let params: unknown;
      if (options.params) {
        const parsed = options.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) throw AppError.notFound("Resource");
        params = parsed.data;
      }
      const user = await authenticate(cookies);
      const query = parseQuery(req, options.query);
      let body: unknown;
      if (options.body) {
        const raw = await readJsonBody(req, options.maxBodyBytes ?? 64 * 1024);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) throw AppError.validation(parsed.error);
        body = parsed.data;
      }
      const reply = await handler({
        req,
        body: body as Infer<B>,
        query: query as Infer<Q>,
        params: params as Infer<P>,
        user,
        cookies,
        ip: clientIp(req),
        requestId,
      });
      response =
        reply instanceof Response
          ? reply
          : Response.json(
              { success: true, data: reply.data ?? null, ...(reply.message ? { message: reply.message } : {}) },
              { status: reply.status ?? 200 },
            );
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        const path = new URL(req.url).pathname;
        log.error("request failed", {
          requestId,
          method: req.method,
          path,
          error: {
            name: (error as { name?: string } | null)?.name,
            code: pgErrorCode(error),
            message: firstErrorLine(error),
          },
        });
        void reportServerError(error, { requestId, method: req.method, path });
      }
      response = errorResponse(appError);
    }
    cookies.applyTo(response.headers);
    response.headers.set("X-Request-Id", requestId);
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
    // API answers are data, never documents to render or frame.
    if (!response.headers.has("Content-Security-Policy")) {
      response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
    return response;
  };
}

async function requireUser(cookies: CookieJar): Promise<AuthUser> {
  const user = await getAuth().currentUser(cookies);
  if (!user) throw new AppError("UNAUTHORIZED", "Log in to continue.");
  return user;
}

/** A route for a signed-in user: 401 in the envelope otherwise. */
export function withUser<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(options: Options<B, Q, P>, handler: (ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, AuthUser>) => Promise<Reply>) {
  return build(options, requireUser, handler);
}

/** A route anyone may call (sign-up, log-in). */
export function withPublic<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(options: Options<B, Q, P>, handler: (ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, null>) => Promise<Reply>) {
  return build(options, async () => null, handler);
}

export const uuidParams = z.object({ id: z.uuid() });
