import "server-only";
import path from "node:path";
import { getConfig } from "../config";
import { createLocalStorage } from "./local";
import { createSupabaseStorage } from "./supabase";
import type { Storage } from "./types";

let storage: Storage | undefined;

/** The configured storage: Supabase mode keeps files in a private Supabase Storage bucket; the others on local disk. */
export function getStorage(): Storage {
  if (!storage) {
    const config = getConfig();
    storage = config.supabase
      ? createSupabaseStorage({
          url: config.supabase.url,
          serviceRoleKey: config.supabase.serviceRoleKey,
          bucket: config.supabase.storageBucket,
        })
      : createLocalStorage(path.join(config.dataDir, "storage"));
  }
  return storage;
}

export function setStorage(next: Storage | undefined): void {
  storage = next;
}
