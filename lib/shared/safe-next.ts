/** A same-site path to return to after log-in; anything else (other hosts, `//x`, `/\x`, schemes) gives the fallback. */
export function safeNextPath(next: string | null | undefined, fallback = "/projects"): string {
  if (!next || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://atelier.invalid");
    if (url.origin !== "http://atelier.invalid") return fallback;
    if (url.pathname === "/login" || url.pathname === "/signup") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
