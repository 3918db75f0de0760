import "server-only";
import { redact } from "@/lib/shared/redact";
import { getConfig } from "./config";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export { redact };

/**
 * An error as logs and error reports may carry it: the first line of its message (or its cause's), at most 300
 * characters. A database driver's later lines hold query parameters, which may hold a prompt.
 */
export function firstErrorLine(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } } | null;
  return (
    String(e?.cause?.message ?? e?.message ?? error)
      .split("\n")[0]
      ?.slice(0, 300) ?? ""
  );
}

function threshold(): number {
  try {
    return ORDER[getConfig().logLevel];
  } catch {
    return ORDER.info; // a bad configuration is reported by start-up; logging must still work
  }
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...(redact(fields) as object) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Structured JSON logs with secrets redacted. */
export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
