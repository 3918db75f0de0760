import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Why a URL was refused: shown to the user, so it says what to change. */
export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

// Loopback, private, link-local (cloud metadata lives at 169.254.169.254), CGNAT, "this network", multicast, reserved.
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Is this IP address private, loopback, link-local or otherwise not on the public internet? */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) return blocked.check(bare, "ipv6");
  return true; // not an IP at all: refuse rather than guess
}

export type Resolver = (hostname: string) => Promise<string[]>;
const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true })).map((a) => a.address);

export type GuardOptions = { allowPrivate: boolean; resolve?: Resolver };

/**
 * Checks a URL a user gave us (a base URL) or a provider handed back (an output to download):
 * http(s) only, no credentials in it, and — unless private addresses are allowed — every address
 * its host resolves to is public.
 */
export async function assertSafeUrl(raw: string, options: GuardOptions): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("This is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError("Only http:// and https:// URLs are allowed.");
  }
  if (url.username || url.password) throw new UnsafeUrlError("Put credentials in the API key field, not in the URL.");
  if (options.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw new UnsafeUrlError(`The host ${host} could not be resolved.`);
    }
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new UnsafeUrlError(
      "This URL points to a private or local address, which this server does not allow (set ALLOW_PRIVATE_BASE_URLS=true to permit it).",
    );
  }
  return url;
}

/**
 * fetch that applies the guard to the first URL and to every redirect it follows (at most 5),
 * so a public URL cannot bounce the server into the private network.
 */
export function guardedFetch(options: GuardOptions & { fetch?: typeof fetch }): typeof fetch {
  const inner = options.fetch ?? fetch;
  return async (input, init) => {
    let url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    let request = init;
    for (let hop = 0; hop <= 5; hop++) {
      await assertSafeUrl(url, options);
      const response = await inner(url, { ...request, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      url = new URL(location, url).toString();
      if (response.status === 303) request = { ...request, method: "GET", body: undefined };
    }
    throw new UnsafeUrlError("Too many redirects.");
  };
}
