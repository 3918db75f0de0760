import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getSentryConfig, type SentryConfig } from "./config-sentry";

/** How Atelier runs: see DESIGN.md §1. */
export type Mode = "embedded" | "self-hosted" | "supabase";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: optionalString,
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  SUPABASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SUPABASE_ANON_KEY: optionalString,
  SUPABASE_SERVICE_ROLE_KEY: optionalString,
  SUPABASE_STORAGE_BUCKET: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be a bucket name (lower-case letters, digits, . _ -)")
      .optional(),
  ),
  ENCRYPTION_MASTER_KEY: optionalString,
  ENCRYPTION_MASTER_KEY_PREVIOUS: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ANTHROPIC_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  FAL_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ALLOW_PRIVATE_BASE_URLS: optionalString.pipe(z.enum(["true", "false"]).optional()),
  RATE_LIMIT_PER_MINUTE: optionalString.pipe(z.string().regex(/^\d+$/, "must be a whole number").optional()),
  PROVIDER_TIMEOUT_MS: optionalString.pipe(
    z.string().regex(/^\d+$/, "must be a whole number of milliseconds").optional(),
  ),
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
  SENTRY_DSN: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SENTRY_ENVIRONMENT: optionalString,
});

export type AppConfig = {
  mode: Mode;
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  databaseUrl: string | undefined;
  /** storageBucket: the private bucket generated files go to (SUPABASE_STORAGE_BUCKET, default "atelier"). */
  supabase: { url: string; anonKey: string; serviceRoleKey: string; storageBucket: string } | undefined;
  masterKey: { source: "env" | "file"; path?: string };
  /** Old master keys that still decrypt during a rotation (ENCRYPTION_MASTER_KEY_PREVIOUS, comma-separated). */
  previousMasterKeys: Buffer[];
  /** Where each provider's API lives; overridable for gateways and proxies. */
  providerBaseUrls: { openai?: string; anthropic?: string; fal?: string };
  /** May user-supplied base URLs point at private or loopback addresses? */
  allowPrivateBaseUrls: boolean;
  /** Requests per minute per user and provider. */
  rateLimitPerMinute: number;
  /** Overrides every provider call's timeout (otherwise per generation type). */
  providerTimeoutMs: number | undefined;
  appUrl: string | undefined;
  secureCookies: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Error reporting (server, edge, browser); undefined without SENTRY_DSN: nothing is sent anywhere. */
  sentry: SentryConfig | undefined;
};

/** A configuration that must stop start-up; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default) into the app's configuration. Pure: touches no file. */
export function parseConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? "environment"), issue?.message ?? "is invalid");
  }
  const e = parsed.data;
  let mode: Mode = "embedded";
  let supabase: AppConfig["supabase"];
  if (e.SUPABASE_URL) {
    mode = "supabase";
    for (const name of ["SUPABASE_ANON_KEY", "SUPABASE_SERVICE_ROLE_KEY", "DATABASE_URL"] as const) {
      if (!e[name]) throw new ConfigError(name, "is required when SUPABASE_URL is set");
    }
    supabase = {
      url: e.SUPABASE_URL,
      anonKey: e.SUPABASE_ANON_KEY as string,
      serviceRoleKey: e.SUPABASE_SERVICE_ROLE_KEY as string,
      storageBucket: e.SUPABASE_STORAGE_BUCKET ?? "atelier",
    };
  } else if (e.DATABASE_URL) {
    mode = "self-hosted";
  } else {
    for (const name of ["SUPABASE_ANON_KEY", "SUPABASE_SERVICE_ROLE_KEY"] as const) {
      if (e[name]) throw new ConfigError("SUPABASE_URL", `is required when ${name} is set`);
    }
  }
  if (mode !== "embedded" && !e.ENCRYPTION_MASTER_KEY) {
    throw new ConfigError("ENCRYPTION_MASTER_KEY", `is required in ${mode} mode (32 bytes, base64 or hex)`);
  }
  if (e.ENCRYPTION_MASTER_KEY) decodeMasterKey(e.ENCRYPTION_MASTER_KEY);
  const previousMasterKeys = (e.ENCRYPTION_MASTER_KEY_PREVIOUS ?? "")
    .split(",")
    .filter((v) => v.trim() !== "")
    .map((v) => decodeMasterKey(v, "ENCRYPTION_MASTER_KEY_PREVIOUS"));
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR ?? ".data");
  return {
    mode,
    nodeEnv: e.NODE_ENV,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    supabase,
    masterKey: e.ENCRYPTION_MASTER_KEY ? { source: "env" } : { source: "file", path: path.join(dataDir, "master.key") },
    previousMasterKeys,
    providerBaseUrls: { openai: e.OPENAI_BASE_URL, anthropic: e.ANTHROPIC_BASE_URL, fal: e.FAL_BASE_URL },
    // A local Ollama is a real use when you run Atelier yourself; on a shared Supabase deployment it is an SSRF risk.
    allowPrivateBaseUrls: e.ALLOW_PRIVATE_BASE_URLS ? e.ALLOW_PRIVATE_BASE_URLS === "true" : mode !== "supabase",
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ? Math.max(1, Number(e.RATE_LIMIT_PER_MINUTE)) : 60,
    providerTimeoutMs: e.PROVIDER_TIMEOUT_MS ? Math.max(100, Number(e.PROVIDER_TIMEOUT_MS)) : undefined,
    appUrl: e.APP_URL,
    secureCookies: e.NODE_ENV === "production" && !(e.APP_URL ?? "").startsWith("http://"),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "warn" : "info"),
    // Validated above (a bad DSN stops start-up); read the same way as everywhere else.
    sentry: getSentryConfig(env),
  };
}

export { getSentryConfig, type SentryConfig };

/** 32 bytes given as 64 hex characters or as base64; anything else stops start-up. */
export function decodeMasterKey(value: string, variable = "ENCRYPTION_MASTER_KEY"): Buffer {
  const v = value.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(v)) key = Buffer.from(v, "hex");
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) key = Buffer.from(v, "base64");
  if (key?.length !== 32) {
    throw new ConfigError(
      variable,
      "must be exactly 32 bytes, as 64 hex characters or base64 (generate one with `openssl rand -base64 32`)",
    );
  }
  return key;
}

/** The keyring: the current master key and any previous ones (from the environment, or `master.key.previous`). */
export function loadKeyring(config: AppConfig): { current: Buffer; previous: Buffer[] } {
  const previous = [...config.previousMasterKeys];
  const file = config.masterKey.path;
  if (file && existsSync(`${file}.previous`)) {
    for (const line of readFileSync(`${file}.previous`, "utf8").split("\n")) {
      if (line.trim()) previous.push(decodeMasterKey(line));
    }
  }
  return { current: loadMasterKey(config), previous };
}

/** The master key: from the environment, or (embedded mode only) generated once into the data directory. */
export function loadMasterKey(config: AppConfig, env: Record<string, string | undefined> = process.env): Buffer {
  if (config.masterKey.source === "env") return decodeMasterKey(env.ENCRYPTION_MASTER_KEY ?? "");
  const file = config.masterKey.path as string;
  if (existsSync(file)) return decodeMasterKey(readFileSync(file, "utf8"));
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  console.warn(
    `[atelier] WARNING: generated a new encryption master key at ${file}. ` +
      "Back it up: without it, stored API keys cannot be decrypted. Set ENCRYPTION_MASTER_KEY in production.",
  );
  return decodeMasterKey(readFileSync(file, "utf8"));
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed once. Nothing else reads process.env. */
export function getConfig(): AppConfig {
  cached ??= parseConfig();
  return cached;
}

/** Tests and tools install a configuration of their own (undefined: parse the environment again). */
export function setConfig(config: AppConfig | undefined): void {
  cached = config;
}

/** One line for the start-up log. */
export function describeMode(config: AppConfig): string {
  switch (config.mode) {
    case "embedded":
      return `embedded mode: PGlite at ${path.join(config.dataDir, "db")}, local auth, files in ${path.join(config.dataDir, "storage")}`;
    case "self-hosted":
      return `self-hosted mode: PostgreSQL at ${redactUrl(config.databaseUrl as string)}, local auth, files in ${path.join(config.dataDir, "storage")}`;
    case "supabase":
      return `supabase mode: ${config.supabase?.url}, Supabase Auth, Storage bucket "${config.supabase?.storageBucket}", database ${redactUrl(config.databaseUrl as string)}`;
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
