import "server-only";

/** Where generated files live: local disk (embedded, self-hosted) or Supabase Storage. Paths are `user/project/file`. */
export interface Storage {
  put(path: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes in [start, end] (inclusive) or the whole file; null when there is no such file. */
  get(path: string, range?: { start: number; end: number }): Promise<Uint8Array | null>;
  size(path: string): Promise<number | null>;
  delete(path: string): Promise<void>;
  /** Every stored path under a prefix (for reconciling files against rows). */
  list(prefix: string): Promise<string[]>;
}

const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Storage paths are plain `a/b/c` segments: nothing that could climb out of a directory or bucket prefix. */
export function assertSafePath(path: string): string {
  if (!SAFE_PATH.test(path) || path.split("/").includes("..")) throw new Error(`Unsafe storage path: ${path}`);
  return path;
}
