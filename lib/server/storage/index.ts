import "server-only";
import path from "node:path";
import { getConfig } from "../config";
import { createLocalStorage } from "./local";
import type { Storage } from "./types";

let storage: Storage | undefined;

/** The configured storage. Supabase mode keeps files in Supabase Storage (see README); the others on local disk. */
export function getStorage(): Storage {
  storage ??= createLocalStorage(path.join(getConfig().dataDir, "storage"));
  return storage;
}

export function setStorage(next: Storage | undefined): void {
  storage = next;
}
