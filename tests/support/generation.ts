import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { POST as addKey } from "@/app/api/api-keys/route";
import { POST as createProject } from "@/app/api/projects/route";
import { PUT as putSettings } from "@/app/api/settings/providers/route";
import type { Database } from "@/lib/server/db/client";
import { setStorage } from "@/lib/server/storage";
import { createLocalStorage } from "@/lib/server/storage/local";
import { createUser, sessionCookie } from "./db";
import { call } from "./http";
import { VALID_KEYS } from "./providers";

/** A fresh local storage directory for this test file. */
export function useTempStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "atelier-storage-"));
  const storage = createLocalStorage(root);
  setStorage(storage);
  return { root, storage };
}

/** A user with working keys for the providers given, and a project. */
export async function userWithKeys(
  database: Database,
  providers: ("openai" | "anthropic" | "fal")[] = ["openai", "anthropic", "fal"],
  project: { budgetCents?: string | null } = {},
) {
  const user = await createUser(database);
  const cookie = await sessionCookie(database, user.id);
  for (const provider of providers) {
    const res = await call(addKey, {
      method: "POST",
      cookie,
      body: { provider, name: "Main", key: VALID_KEYS[provider] },
    });
    if (res.status !== 201) throw new Error(`adding the ${provider} key failed: ${res.text}`);
  }
  const created = await call(createProject, {
    method: "POST",
    cookie,
    body: { name: "Test project", budgetCents: project.budgetCents ?? null },
  });
  return { ...user, cookie, projectId: created.json.data.id as string };
}

export async function setOrder(cookie: string, providers: string[]) {
  const res = await call(putSettings, {
    method: "PUT",
    cookie,
    body: { providers: providers.map((provider) => ({ provider, enabled: true, defaultModels: {} })) },
  });
  if (res.status !== 200) throw new Error(res.text);
}

/** Parses a server-sent-events body into its events, in order. */
export function parseSse(text: string): { event: string; data: any }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.+)$/m.exec(block)?.[1] ?? "null";
      return { event, data: JSON.parse(data) };
    });
}
