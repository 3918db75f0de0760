import "server-only";
import { mkdir, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertSafePath, type Storage } from "./types";

/** Files under a directory. Writes go to a temporary name first, so a crash never leaves half a file in place. */
export function createLocalStorage(root: string): Storage {
  const resolve = (p: string) => path.join(root, assertSafePath(p));
  return {
    async put(p, data) {
      const file = resolve(p);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    },
    async get(p, range) {
      const file = resolve(p);
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(file, "r");
      } catch {
        return null;
      }
      try {
        const { size } = await handle.stat();
        const start = range?.start ?? 0;
        const end = Math.min(range?.end ?? size - 1, size - 1);
        const length = Math.max(0, end - start + 1);
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, start);
        return new Uint8Array(buffer);
      } finally {
        await handle.close();
      }
    },
    async size(p) {
      try {
        return (await stat(resolve(p))).size;
      } catch {
        return null;
      }
    },
    async delete(p) {
      await rm(resolve(p), { force: true });
    },
    async list(prefix) {
      const dir = resolve(prefix);
      try {
        const entries = await readdir(dir, { recursive: true, withFileTypes: true });
        return entries
          .filter((e) => e.isFile() && !e.name.endsWith(".tmp"))
          .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
      } catch {
        return [];
      }
    },
  };
}
