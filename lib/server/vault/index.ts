import "server-only";
import { getConfig, loadKeyring } from "../config";
import type { Keyring } from "./keyring";

let keyring: Keyring | undefined;

/** The process's master keys (current, plus previous ones during a rotation). */
export function getKeyring(): Keyring {
  keyring ??= loadKeyring(getConfig());
  return keyring;
}

/** Tests install their own keys. */
export function setKeyring(next: Keyring | undefined): void {
  keyring = next;
}
