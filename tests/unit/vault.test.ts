import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId } from "@/lib/server/vault/keyring";
import { keyHint, openApiKey, type SealedKey, sealApiKey, VaultDecryptionError } from "@/lib/server/vault/vault";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const owner = { userId: "11111111-1111-4111-8111-111111111111", provider: "openai" };
const SECRET = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";

/** Flips one bit of a base64 field (or of the base64 body of the encrypted key). */
function flipBit(b64: string, byteIndex: number): string {
  const buf = Buffer.from(b64, "base64");
  buf[byteIndex % buf.length] = (buf[byteIndex % buf.length] as number) ^ 0x01;
  return buf.toString("base64");
}
function tamperBody(sealed: SealedKey, byteFromEnd: number): SealedKey {
  const [v, kid, body] = sealed.encryptedKey.split(".");
  const buf = Buffer.from(body as string, "base64");
  const i = buf.length - 1 - byteFromEnd;
  buf[i] = (buf[i] as number) ^ 0x80;
  return { ...sealed, encryptedKey: `${v}.${kid}.${buf.toString("base64")}` };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "decrypted";
  } catch (error) {
    expect(error).toBeInstanceOf(VaultDecryptionError);
    return (error as VaultDecryptionError).reason;
  }
}

describe("key vault", () => {
  it("seals with AES-256-GCM in the seed's columns and opens again", async () => {
    const sealed = await sealApiKey(SECRET, owner, key1);
    expect(sealed.encryptedKey).toMatch(new RegExp(`^v1\\.${keyId(key1)}\\.[A-Za-z0-9+/=]+$`));
    expect(Buffer.from(sealed.encryptionIv, "base64")).toHaveLength(12);
    expect(Buffer.from(sealed.encryptionSalt, "base64")).toHaveLength(64);
    expect(JSON.stringify(sealed)).not.toContain(SECRET.slice(8));
    expect(await openApiKey(sealed, owner, { current: key1, previous: [] })).toBe(SECRET);
  });

  it("uses a fresh salt and IV every time", async () => {
    const a = await sealApiKey(SECRET, owner, key1);
    const b = await sealApiKey(SECRET, owner, key1);
    expect(a.encryptionIv).not.toBe(b.encryptionIv);
    expect(a.encryptionSalt).not.toBe(b.encryptionSalt);
    expect(a.encryptedKey).not.toBe(b.encryptedKey);
  });

  it.each([
    ["ciphertext", (s: SealedKey) => tamperBody(s, 20)],
    ["auth tag", (s: SealedKey) => tamperBody(s, 0)],
    ["IV", (s: SealedKey) => ({ ...s, encryptionIv: flipBit(s.encryptionIv, 3) })],
    ["salt", (s: SealedKey) => ({ ...s, encryptionSalt: flipBit(s.encryptionSalt, 10) })],
  ])("tampering with the %s gives the typed error", async (_part, tamper) => {
    const sealed = await sealApiKey(SECRET, owner, key1);
    expect(await reason(openApiKey(tamper(sealed), owner, { current: key1, previous: [] }))).toBe(
      "authentication_failed",
    );
  });

  it("a row copied to another user or another provider does not decrypt", async () => {
    const sealed = await sealApiKey(SECRET, owner, key1);
    const keyring = { current: key1, previous: [] };
    expect(
      await reason(openApiKey(sealed, { ...owner, userId: "22222222-2222-4222-8222-222222222222" }, keyring)),
    ).toBe("authentication_failed");
    expect(await reason(openApiKey(sealed, { ...owner, provider: "anthropic" }, keyring))).toBe(
      "authentication_failed",
    );
  });

  it("another master key cannot decrypt, even if the key id is forged", async () => {
    const sealed = await sealApiKey(SECRET, owner, key1);
    expect(await reason(openApiKey(sealed, owner, { current: key2, previous: [] }))).toBe("unknown_master_key");
    const forged = { ...sealed, encryptedKey: sealed.encryptedKey.replace(keyId(key1), keyId(key2)) };
    expect(await reason(openApiKey(forged, owner, { current: key2, previous: [] }))).toBe("authentication_failed");
  });

  it.each(["", "v1", "v2.abc.def", "v1.x.y.z", "garbage"])(
    "a malformed value %j gives the typed error",
    async (value) => {
      const sealed = await sealApiKey(SECRET, owner, key1);
      expect(
        await reason(openApiKey({ ...sealed, encryptedKey: value }, owner, { current: key1, previous: [] })),
      ).toMatch(/malformed|unknown_master_key/);
    },
  );

  it("shows only the last four characters", () => {
    expect(keyHint(SECRET)).toBe("…6789");
    expect(keyHint("short")).toBe("…");
  });
});
