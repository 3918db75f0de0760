/** Password rules shared by the signup page (live messages) and the server (the decision). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "passw0rd",
  "qwerty",
  "qwertyuiop",
  "letmein",
  "welcome",
  "iloveyou",
  "admin",
  "administrator",
  "123456",
  "1234567890",
  "abcdefghij",
  "changeme",
]);

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email = ""): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\d+$/, ""))) return "This password is too common.";
  if (new Set(password).size < 4) return "Use a mix of at least 4 different characters.";
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) return "Do not use your e-mail address in your password.";
  return null;
}
