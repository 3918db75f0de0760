type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type CallResult = { status: number; headers: Headers; json: any; text: string };

/** Calls a route handler the way Next.js would, with a real Request. */
export async function call(handler: Handler, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The session cookie a response set, as a request cookie header. */
export function cookieFrom(result: CallResult, name = "atelier_session"): string | undefined {
  const setCookie = result.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return setCookie?.split(";")[0];
}
