import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { userApiKeys } from "@/lib/server/db/schema";
import { keyId } from "@/lib/server/vault/keyring";
import { rotateApiKeys } from "@/lib/server/vault/rotate";
import { openApiKey, sealApiKey, VaultDecryptionError } from "@/lib/server/vault/vault";
import { createUser, useTestDatabase } from "../support/db";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

describe("master key rotation", () => {
  it("keys sealed under key 1 decrypt after rotating to key 2; key 1 alone then fails; bad rows are reported, not dropped", async () => {
    const key1 = randomBytes(32);
    const key2 = randomBytes(32);
    const user = await createUser(database);
    const plaintexts = ["sk-one-aaaaaaaaaaaaaaaa", "sk-two-bbbbbbbbbbbbbbbb", "sk-ant-cccccccccccccccc"];
    const providers = ["openai", "openai", "anthropic"] as const;
    for (const [i, plaintext] of plaintexts.entries()) {
      const provider = providers[i] ?? "openai";
      const sealed = await sealApiKey(plaintext, { userId: user.id, provider }, key1);
      await database.db.insert(userApiKeys).values({ userId: user.id, provider, keyName: `k${i}`, ...sealed });
    }
    // A row sealed under a master key nobody has any more.
    const lost = await sealApiKey("sk-lost-dddddddddddddd", { userId: user.id, provider: "fal" }, randomBytes(32));
    await database.db.insert(userApiKeys).values({ userId: user.id, provider: "fal", keyName: "lost", ...lost });

    // During the rotation both keys decrypt.
    const during = { current: key2, previous: [key1] };
    const report = await rotateApiKeys(database.db, during);
    // (On a shared PostgreSQL test database other files' rows are present too: look at this user's.)
    expect(report.rotated).toBeGreaterThanOrEqual(3);
    expect(report.failed.filter((f) => f.userId === user.id)).toEqual([
      expect.objectContaining({ provider: "fal", reason: "unknown_master_key" }),
    ]);

    const rows = (await database.db.select().from(userApiKeys)).filter((r) => r.userId === user.id);
    expect(rows).toHaveLength(4); // the undecryptable row is still there
    for (const row of rows.filter((r) => r.keyName !== "lost")) {
      expect(row.encryptedKey.split(".")[1]).toBe(keyId(key2));
      const opened = await openApiKey(
        row,
        { userId: user.id, provider: row.provider },
        { current: key2, previous: [] },
      );
      expect(opened).toBe(plaintexts[Number(row.keyName.slice(1))]);
      await expect(
        openApiKey(row, { userId: user.id, provider: row.provider }, { current: key1, previous: [] }),
      ).rejects.toBeInstanceOf(VaultDecryptionError);
    }

    const again = await rotateApiKeys(database.db, { current: key2, previous: [] });
    expect(again.rotated).toBe(0);
    expect(again.alreadyCurrent).toBeGreaterThanOrEqual(3);
  });
});

describe("using a stored key", () => {
  it("picks the working key, decrypts it, and stamps last_used_at; failing keys are never used", async () => {
    const { setKeyring } = await import("@/lib/server/vault");
    const { acquireApiKey } = await import("@/lib/server/api-keys/acquire-api-key");
    const { asUser } = await import("@/lib/server/db/rls");
    const master = randomBytes(32);
    setKeyring({ current: master, previous: [] });
    const user = await createUser(database);
    const add = async (name: string, plaintext: string, status: "working" | "failing" | "unknown") => {
      const sealed = await sealApiKey(plaintext, { userId: user.id, provider: "anthropic" }, master);
      await database.db
        .insert(userApiKeys)
        .values({ userId: user.id, provider: "anthropic", keyName: name, status, ...sealed });
    };
    await add("broken", "sk-ant-broken-000000000", "failing");
    expect(
      await asUser(user.id, (tx) => acquireApiKey(tx, { userId: user.id, provider: "anthropic" }), database),
    ).toBeNull();
    await add("unchecked", "sk-ant-unchecked-00000", "unknown");
    await add("good", "sk-ant-good-0000000000", "working");

    const used = await asUser(user.id, (tx) => acquireApiKey(tx, { userId: user.id, provider: "anthropic" }), database);
    expect(used?.apiKey).toBe("sk-ant-good-0000000000");
    const rows = (await database.db.select().from(userApiKeys)).filter((r) => r.userId === user.id);
    expect(rows.find((r) => r.keyName === "good")?.lastUsedAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.keyName === "broken")?.lastUsedAt).toBeNull();

    // Another user, through RLS, gets nothing of this user's.
    const other = await createUser(database);
    expect(
      await asUser(other.id, (tx) => acquireApiKey(tx, { userId: user.id, provider: "anthropic" }), database),
    ).toBeNull();
    setKeyring(undefined);
  });
});
