import "server-only";
import { getConfig } from "../config";
import { createLocalAuth } from "./local";
import { createSupabaseAuth } from "./supabase";
import type { AuthAdapter } from "./types";

let adapter: AuthAdapter | undefined;

/** The auth adapter this configuration calls for: Supabase Auth when SUPABASE_URL is set, else local. */
export function getAuth(): AuthAdapter {
  if (!adapter) {
    const config = getConfig();
    adapter = config.supabase ? createSupabaseAuth(config.supabase, config.secureCookies) : createLocalAuth();
  }
  return adapter;
}

/** Tests swap adapters (e.g. to exercise Supabase mode against a loopback stand-in). */
export function setAuth(next: AuthAdapter | undefined): void {
  adapter = next;
}
