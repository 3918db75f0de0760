import "server-only";
import { createHash } from "node:crypto";

/** The master keys able to decrypt: `current` encrypts; `previous` only decrypt, during a rotation. */
export type Keyring = { current: Buffer; previous: Buffer[] };

/** A short public identifier of a master key, stored with each ciphertext so rotation knows which key made it. */
export function keyId(masterKey: Buffer): string {
  return createHash("sha256").update("atelier-master-key-id\0").update(masterKey).digest("hex").slice(0, 12);
}

export function findKey(keyring: Keyring, kid: string): Buffer | undefined {
  return [keyring.current, ...keyring.previous].find((k) => keyId(k) === kid);
}
