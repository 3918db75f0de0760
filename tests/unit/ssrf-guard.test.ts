import { describe, expect, it } from "vitest";
import { assertSafeUrl, guardedFetch, isPrivateAddress, UnsafeUrlError } from "@/lib/server/net/ssrf-guard";

// A resolver standing in for DNS: names map to fixed addresses.
const dns: Record<string, string[]> = {
  "api.example.com": ["93.184.216.34"],
  "rebind.example.com": ["93.184.216.34", "10.0.0.5"],
  "internal.example.com": ["192.168.1.20"],
  "v6.example.com": ["2606:2800:220:1:248:1893:25c8:1946"],
};
const resolve = async (host: string) => {
  const a = dns[host];
  if (!a) throw new Error("ENOTFOUND");
  return a;
};

type Case = [url: string, embeddedOrSelfHosted: "ok" | "refused", supabase: "ok" | "refused"];
const CASES: Case[] = [
  ["https://api.example.com/v1", "ok", "ok"],
  ["http://api.example.com:8080/v1", "ok", "ok"],
  ["https://v6.example.com/", "ok", "ok"],
  ["http://localhost:11434/v1", "ok", "refused"],
  ["http://127.0.0.1:1234/v1", "ok", "refused"],
  ["http://127.1.2.3/", "ok", "refused"],
  ["http://[::1]:8000/v1", "ok", "refused"],
  ["http://10.0.0.8/v1", "ok", "refused"],
  ["http://172.16.5.4/v1", "ok", "refused"],
  ["http://172.31.255.255/", "ok", "refused"],
  ["http://192.168.0.10:11434/v1", "ok", "refused"],
  ["http://169.254.169.254/latest/meta-data/", "ok", "refused"],
  ["http://100.64.0.1/", "ok", "refused"],
  ["http://0.0.0.0:8080/", "ok", "refused"],
  ["http://[::ffff:127.0.0.1]/", "ok", "refused"],
  ["http://[fd00::1]/", "ok", "refused"],
  ["http://[fe80::1]/", "ok", "refused"],
  ["http://internal.example.com/v1", "ok", "refused"],
  ["http://rebind.example.com/v1", "ok", "refused"],
  ["http://unknown-host.example/v1", "ok", "refused"],
  ["file:///etc/passwd", "refused", "refused"],
  ["ftp://api.example.com/", "refused", "refused"],
  ["gopher://127.0.0.1:6379/_FLUSHALL", "refused", "refused"],
  ["javascript:alert(1)", "refused", "refused"],
  ["http://user:pass@api.example.com/", "refused", "refused"],
  ["not a url", "refused", "refused"],
];

async function outcome(url: string, allowPrivate: boolean): Promise<"ok" | "refused"> {
  try {
    await assertSafeUrl(url, { allowPrivate, resolve });
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeUrlError);
    return "refused";
  }
}

describe("SSRF guard", () => {
  it.each(CASES)("%s → embedded/self-hosted: %s, Supabase: %s", async (url, local, supabase) => {
    expect(await outcome(url, true)).toBe(local);
    expect(await outcome(url, false)).toBe(supabase);
  });

  it("classifies addresses", () => {
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("172.32.0.1")).toBe(false);
    expect(isPrivateAddress("172.15.255.255")).toBe(false);
    expect(isPrivateAddress("10.1.2.3")).toBe(true);
    expect(isPrivateAddress("::ffff:10.1.2.3")).toBe(true);
    expect(isPrivateAddress("not-an-ip")).toBe(true);
  });

  it("follows redirects only to allowed addresses", async () => {
    const calls: string[] = [];
    // A public server that bounces to the cloud metadata address.
    const fakeFetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      if (url.startsWith("https://api.example.com/redirect")) {
        return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
      }
      if (url.startsWith("https://api.example.com/hop")) {
        return new Response(null, { status: 301, headers: { location: "/v1/models" } });
      }
      return new Response("ok", { status: 200 });
    }) as typeof fetch;

    const strict = guardedFetch({ allowPrivate: false, resolve, fetch: fakeFetch });
    await expect(strict("https://api.example.com/redirect")).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(calls).toEqual(["https://api.example.com/redirect"]);

    const followed = await strict("https://api.example.com/hop");
    expect(await followed.text()).toBe("ok");
    expect(calls.at(-1)).toBe("https://api.example.com/v1/models");

    const local = guardedFetch({ allowPrivate: true, resolve, fetch: fakeFetch });
    expect((await local("https://api.example.com/redirect")).status).toBe(200);
  });
});
