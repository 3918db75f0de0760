import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import { findKey, type Keyring, keyId } from "./keyring";

// Seed "Security Architecture": AES-256-GCM, key = scrypt(master key, 64-byte random salt), 96-bit random IV.
const FORMAT = "v1";
const SALT_BYTES = 64;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The seed's three columns. `encryptedKey` is `v1.<master key id>.<base64(ciphertext ‖ GCM tag)>`. */
export type SealedKey = { encryptedKey: string; encryptionIv: string; encryptionSalt: string };

/** Who a key belongs to; bound into the ciphertext as additional authenticated data. */
export type KeyOwner = { userId: string; provider: string };

/** Any failure to open a sealed key: tampering, a row moved to another owner, or an unknown master key. */
export class VaultDecryptionError extends Error {
  constructor(readonly reason: "malformed" | "unknown_master_key" | "authentication_failed") {
    super(`The stored API key could not be decrypted (${reason}).`);
    this.name = "VaultDecryptionError";
  }
}

const aad = (owner: KeyOwner) => Buffer.from(`atelier/api-key/${FORMAT}\0${owner.userId}\0${owner.provider}`);

const derivedKeys = new Map<string, Buffer>();
/** scrypt per row is deliberate (the seed's design); the result is cached per (master key, salt) for the process. */
function deriveKey(masterKey: Buffer, salt: Buffer): Promise<Buffer> {
  const cacheKey = `${keyId(masterKey)}:${salt.toString("base64")}`;
  const hit = derivedKeys.get(cacheKey);
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve, reject) =>
    scrypt(masterKey, salt, 32, { N: 2 ** 14, r: 8, p: 1 }, (err, key) => {
      if (err) return reject(err);
      if (derivedKeys.size > 1000) derivedKeys.clear();
      derivedKeys.set(cacheKey, key);
      resolve(key);
    }),
  );
}

export async function sealApiKey(plaintext: string, owner: KeyOwner, masterKey: Buffer): Promise<SealedKey> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", await deriveKey(masterKey, salt), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(owner));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return {
    encryptedKey: `${FORMAT}.${keyId(masterKey)}.${body.toString("base64")}`,
    encryptionIv: iv.toString("base64"),
    encryptionSalt: salt.toString("base64"),
  };
}

/** Opens a sealed key or throws VaultDecryptionError — never returns an empty or default value. */
export async function openApiKey(sealed: SealedKey, owner: KeyOwner, keyring: Keyring): Promise<string> {
  const [format, kid, body, ...rest] = sealed.encryptedKey.split(".");
  if (format !== FORMAT || !kid || !body || rest.length > 0) throw new VaultDecryptionError("malformed");
  const masterKey = findKey(keyring, kid);
  if (!masterKey) throw new VaultDecryptionError("unknown_master_key");
  const data = Buffer.from(body, "base64");
  const iv = Buffer.from(sealed.encryptionIv, "base64");
  const salt = Buffer.from(sealed.encryptionSalt, "base64");
  if (data.length <= TAG_BYTES || iv.length !== IV_BYTES || salt.length !== SALT_BYTES) {
    throw new VaultDecryptionError("malformed");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", await deriveKey(masterKey, salt), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(owner));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new VaultDecryptionError("authentication_failed");
  }
}

/** Which master key sealed this value (for rotation). */
export function sealedKeyId(sealed: Pick<SealedKey, "encryptedKey">): string | undefined {
  return sealed.encryptedKey.split(".")[1];
}

/** The only part of a key that ever leaves the server: its last four characters. */
export function keyHint(plaintext: string): string {
  const trimmed = plaintext.trim();
  return trimmed.length >= 8 ? `…${trimmed.slice(-4)}` : "…";
}
