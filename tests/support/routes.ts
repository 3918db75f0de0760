import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import * as me from "@/app/api/auth/me/route";
import * as signup from "@/app/api/auth/signup/route";
import * as projectById from "@/app/api/projects/[id]/route";
import * as projects from "@/app/api/projects/route";

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

export type RouteCase = {
  name: string;
  handler: Handler;
  method: string;
  /** a body the route accepts (used to derive malformed variants) */
  validBody?: Record<string, unknown>;
  params?: boolean;
  query?: boolean;
};

/** Every API route handler, for table-driven tests (bad input, cross-site, fuzz). */
export const ROUTES: RouteCase[] = [
  {
    name: "POST /api/auth/signup",
    handler: signup.POST,
    method: "POST",
    validBody: { email: "a@b.co", password: "a sturdy passphrase", name: "A" },
  },
  {
    name: "POST /api/auth/login",
    handler: login.POST,
    method: "POST",
    validBody: { email: "a@b.co", password: "a sturdy passphrase" },
  },
  { name: "POST /api/auth/logout", handler: logout.POST, method: "POST" },
  { name: "GET /api/auth/me", handler: me.GET, method: "GET" },
  { name: "GET /api/projects", handler: projects.GET, method: "GET", query: true },
  {
    name: "POST /api/projects",
    handler: projects.POST,
    method: "POST",
    validBody: { name: "P", description: "D", budgetCents: "100", alertThresholds: [50] },
  },
  { name: "GET /api/projects/[id]", handler: projectById.GET, method: "GET", params: true },
  {
    name: "PUT /api/projects/[id]",
    handler: projectById.PUT,
    method: "PUT",
    params: true,
    validBody: { name: "P", description: "D", budgetCents: "100", alertThresholds: [50], archived: false },
  },
  { name: "DELETE /api/projects/[id]", handler: projectById.DELETE, method: "DELETE", params: true },
];
