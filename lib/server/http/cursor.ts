import "server-only";
import { AppError } from "./errors";

/** Opaque keyset cursors: (created_at, id) of the last row, base64url-encoded. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("VALIDATION_ERROR", "The cursor is not valid; start from the first page.", {
      issues: [{ path: "cursor", message: "Invalid cursor." }],
    });
  }
}
