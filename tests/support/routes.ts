import * as analyticsCost from "@/app/api/analytics/cost/route";
import * as analyticsProvider from "@/app/api/analytics/provider/route";
import * as analyticsUsage from "@/app/api/analytics/usage/route";
import * as apiKeyById from "@/app/api/api-keys/[id]/route";
import * as apiKeyTest from "@/app/api/api-keys/[id]/test/route";
import * as apiKeys from "@/app/api/api-keys/route";
import * as assetFile from "@/app/api/assets/[id]/file/route";
import * as assetById from "@/app/api/assets/[id]/route";
import * as assetsList from "@/app/api/assets/route";
import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import * as me from "@/app/api/auth/me/route";
import * as password from "@/app/api/auth/password/route";
import * as signup from "@/app/api/auth/signup/route";
import * as alertAck from "@/app/api/budget-alerts/[id]/acknowledge/route";
import * as alerts from "@/app/api/budget-alerts/route";
import * as generateEstimate from "@/app/api/generate/estimate/route";
import * as generate from "@/app/api/generate/route";
import * as generationCancel from "@/app/api/generations/[id]/cancel/route";
import * as generationById from "@/app/api/generations/[id]/route";
import * as generationsList from "@/app/api/generations/route";
import * as models from "@/app/api/models/route";
import * as avatar from "@/app/api/profile/avatar/route";
import * as profile from "@/app/api/profile/route";
import * as projectById from "@/app/api/projects/[id]/route";
import * as projects from "@/app/api/projects/route";
import * as providerSettings from "@/app/api/settings/providers/route";
import * as falWebhook from "@/app/api/webhooks/fal/[id]/route";

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

export type RouteCase = {
  name: string;
  handler: Handler;
  method: string;
  /** a body the route accepts (used to derive malformed variants) */
  validBody?: Record<string, unknown>;
  params?: boolean;
  query?: boolean;
  /** a query string the route needs to get as far as reading its body */
  validQuery?: string;
  /** accepts extra fields (a provider's webhook may grow), so a well-formed but unknown call is a 404 */
  lenientBody?: boolean;
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
  {
    name: "POST /api/auth/password",
    handler: password.POST,
    method: "POST",
    validBody: { currentPassword: "a sturdy passphrase", newPassword: "another sturdy passphrase" },
  },
  { name: "GET /api/profile", handler: profile.GET, method: "GET" },
  { name: "PUT /api/profile", handler: profile.PUT, method: "PUT", validBody: { name: "Ada" } },
  { name: "GET /api/profile/avatar", handler: avatar.GET, method: "GET" },
  { name: "PUT /api/profile/avatar", handler: avatar.PUT, method: "PUT" },
  { name: "DELETE /api/profile/avatar", handler: avatar.DELETE, method: "DELETE" },
  { name: "GET /api/api-keys", handler: apiKeys.GET, method: "GET" },
  {
    name: "POST /api/api-keys",
    handler: apiKeys.POST,
    method: "POST",
    validBody: { provider: "openai", name: "Main", key: "sk-test-0000000000", storeIfFailing: true },
  },
  { name: "DELETE /api/api-keys/[id]", handler: apiKeyById.DELETE, method: "DELETE", params: true },
  { name: "POST /api/api-keys/[id]/test", handler: apiKeyTest.POST, method: "POST", params: true },
  { name: "GET /api/settings/providers", handler: providerSettings.GET, method: "GET" },
  { name: "GET /api/models", handler: models.GET, method: "GET", query: true },
  {
    name: "POST /api/generate",
    handler: generate.POST,
    method: "POST",
    validBody: { type: "audio", projectId: "00000000-0000-4000-8000-000000000000", prompt: "Hello" },
  },
  { name: "GET /api/generations", handler: generationsList.GET, method: "GET", query: true },
  { name: "GET /api/generations/[id]", handler: generationById.GET, method: "GET", params: true },
  { name: "POST /api/generations/[id]/cancel", handler: generationCancel.POST, method: "POST", params: true },
  { name: "GET /api/assets", handler: assetsList.GET, method: "GET", query: true },
  { name: "GET /api/assets/[id]", handler: assetById.GET, method: "GET", params: true },
  {
    name: "PUT /api/assets/[id]",
    handler: assetById.PUT,
    method: "PUT",
    params: true,
    validBody: { name: "N", description: "D", tags: ["a"], favorite: true, archived: false },
  },
  { name: "DELETE /api/assets/[id]", handler: assetById.DELETE, method: "DELETE", params: true },
  { name: "GET /api/assets/[id]/file", handler: assetFile.GET, method: "GET", params: true, query: true },
  { name: "GET /api/budget-alerts", handler: alerts.GET, method: "GET", query: true },
  { name: "POST /api/budget-alerts/[id]/acknowledge", handler: alertAck.POST, method: "POST", params: true },
  { name: "GET /api/analytics/usage", handler: analyticsUsage.GET, method: "GET", query: true },
  { name: "GET /api/analytics/cost", handler: analyticsCost.GET, method: "GET", query: true },
  { name: "GET /api/analytics/provider", handler: analyticsProvider.GET, method: "GET", query: true },
  {
    name: "POST /api/webhooks/fal/[id]",
    handler: falWebhook.POST,
    method: "POST",
    params: true,
    validQuery: "?token=abcdefghijklmnopqrstuvwxyz",
    lenientBody: true,
    validBody: { request_id: "r", status: "OK" },
  },
  {
    name: "POST /api/generate/estimate",
    handler: generateEstimate.POST,
    method: "POST",
    validBody: { type: "audio", projectId: "00000000-0000-4000-8000-000000000000", prompt: "Hello" },
  },
  {
    name: "PUT /api/settings/providers",
    handler: providerSettings.PUT,
    method: "PUT",
    validBody: { providers: [{ provider: "openai", enabled: true, defaultModels: { text: "gpt-4o" } }] },
  },
];
