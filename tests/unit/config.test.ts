import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadMasterKey, parseConfig } from "@/lib/server/config";

const key = randomBytes(32).toString("base64");

describe("configuration", () => {
  it("runs on the embedded default with no configuration at all", () => {
    const config = parseConfig({});
    expect(config.mode).toBe("embedded");
    expect(config.dataDir).toBe(path.resolve(".data"));
    expect(config.masterKey).toEqual({ source: "file", path: path.resolve(".data/master.key") });
  });

  it("picks self-hosted with DATABASE_URL and Supabase with SUPABASE_URL", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://x@h/db", ENCRYPTION_MASTER_KEY: key }).mode).toBe("self-hosted");
    const supa = parseConfig({
      SUPABASE_URL: "https://abc.supabase.co",
      SUPABASE_ANON_KEY: "anon",
      SUPABASE_SERVICE_ROLE_KEY: "service",
      DATABASE_URL: "postgres://x@h/db",
      ENCRYPTION_MASTER_KEY: key,
    });
    expect(supa.mode).toBe("supabase");
  });

  it.each([
    [{ SUPABASE_URL: "https://abc.supabase.co" }, "SUPABASE_ANON_KEY"],
    [{ SUPABASE_URL: "https://abc.supabase.co", SUPABASE_ANON_KEY: "a" }, "SUPABASE_SERVICE_ROLE_KEY"],
    [{ SUPABASE_URL: "https://a.co", SUPABASE_ANON_KEY: "a", SUPABASE_SERVICE_ROLE_KEY: "s" }, "DATABASE_URL"],
    [{ SUPABASE_ANON_KEY: "a" }, "SUPABASE_URL"],
    [{ SUPABASE_URL: "not a url" }, "SUPABASE_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://x@h/db" }, "ENCRYPTION_MASTER_KEY"],
    [{ ENCRYPTION_MASTER_KEY: "too-short" }, "ENCRYPTION_MASTER_KEY"],
    [{ ENCRYPTION_MASTER_KEY: randomBytes(16).toString("hex") }, "ENCRYPTION_MASTER_KEY"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("stops on %j with a message naming %s", (env, variable) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });

  it("accepts a 32-byte master key in hex or base64", () => {
    expect(() => parseConfig({ ENCRYPTION_MASTER_KEY: randomBytes(32).toString("hex") })).not.toThrow();
    expect(() => parseConfig({ ENCRYPTION_MASTER_KEY: key })).not.toThrow();
  });

  it("generates the embedded master key once, with mode 0600", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-key-"));
    const config = parseConfig({ DATA_DIR: dir });
    const first = loadMasterKey(config, {});
    const second = loadMasterKey(config, {});
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    const file = path.join(dir, "master.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64").equals(first)).toBe(true);
  });
});
