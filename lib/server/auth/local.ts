import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { passwordWeakness } from "@/lib/shared/password-policy";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { asService } from "../db/rls";
import { authUsers, localSessions } from "../db/schema";
import type { CookieJar } from "../http/cookies";
import { AppError, pgErrorCode } from "../http/errors";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { assertNotThrottled, clearAttempts, recordAttempt, type ThrottleRule } from "./throttle";
import type { AuthAdapter, AuthContext, AuthUser } from "./types";

export const SESSION_COOKIE = "atelier_session";
const SESSION_DAYS = 30;
const WINDOW = 15 * 60;

const loginRules = (email: string, ip: string): ThrottleRule[] => [
  { key: `login:email:${email}`, limit: 5, windowSeconds: WINDOW },
  { key: `login:ip:${ip}`, limit: 20, windowSeconds: WINDOW },
];
const signupRules = (ip: string): ThrottleRule[] => [{ key: `signup:ip:${ip}`, limit: 20, windowSeconds: 60 * 60 }];

const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");

function sessionCookieOptions(maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: getConfig().secureCookies, maxAge };
}

/** Creates a server-side session and sets its cookie; only the token's SHA-256 is stored. */
async function startSession(db: Db, userId: string, ctx: AuthContext): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.delete(localSessions).where(and(eq(localSessions.userId, userId), lt(localSessions.expiresAt, new Date())));
  await db.insert(localSessions).values({
    id: tokenId(token),
    userId,
    expiresAt,
    userAgent: ctx.userAgent?.slice(0, 512) ?? null,
  });
  ctx.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(SESSION_DAYS * 86_400));
}

export function createLocalAuth(): AuthAdapter {
  return {
    kind: "local",

    async signUp(input, ctx) {
      const email = input.email.toLowerCase();
      const weakness = passwordWeakness(input.password, email);
      if (weakness) throw new AppError("WEAK_PASSWORD", weakness, { field: "password" });
      return asService(async (db) => {
        await assertNotThrottled(db, signupRules(ctx.ip), "Too many sign-ups from this address. Try again later.");
        await recordAttempt(db, signupRules(ctx.ip));
        const encryptedPassword = await hashPassword(input.password);
        try {
          return await db.transaction(async (tx) => {
            const [user] = await tx
              .insert(authUsers)
              .values({ email, encryptedPassword, rawUserMetaData: input.name ? { name: input.name } : {} })
              .returning({ id: authUsers.id, email: authUsers.email });
            if (!user) throw new Error("insert returned no row");
            await startSession(tx as unknown as Db, user.id, ctx);
            return { id: user.id, email } satisfies AuthUser;
          });
        } catch (error) {
          if (pgErrorCode(error) === "23505") {
            throw new AppError("EMAIL_TAKEN", "An account with this e-mail already exists. Log in instead.", {
              field: "email",
            });
          }
          throw error;
        }
      });
    },

    async logIn(input, ctx) {
      const email = input.email.toLowerCase();
      const rules = loginRules(email, ctx.ip);
      return asService(async (db) => {
        await assertNotThrottled(db, rules, "Too many failed log-ins. Wait a few minutes and try again.");
        const [user] = await db
          .select({ id: authUsers.id, email: authUsers.email, hash: authUsers.encryptedPassword })
          .from(authUsers)
          .where(sql`lower(${authUsers.email}) = ${email}`);
        const ok = await verifyPassword(input.password, user?.hash ?? (await dummyPasswordHash()));
        if (!user?.hash || !ok) {
          await recordAttempt(db, rules);
          throw new AppError("INVALID_CREDENTIALS", "The e-mail or password is wrong.");
        }
        await clearAttempts(db, [rules[0]?.key as string]);
        await db.update(authUsers).set({ lastSignInAt: new Date() }).where(eq(authUsers.id, user.id));
        await startSession(db, user.id, ctx);
        return { id: user.id, email: user.email ?? email };
      });
    },

    async changePassword(user, input, ctx) {
      const rules = loginRules(user.email.toLowerCase(), ctx.ip);
      await asService(async (db) => {
        await assertNotThrottled(db, rules, "Too many failed attempts. Wait a few minutes and try again.");
        const [row] = await db
          .select({ hash: authUsers.encryptedPassword })
          .from(authUsers)
          .where(eq(authUsers.id, user.id));
        if (!row?.hash || !(await verifyPassword(input.currentPassword, row.hash))) {
          await recordAttempt(db, rules);
          throw new AppError("INVALID_CREDENTIALS", "Your current password is wrong.", { field: "currentPassword" });
        }
        const weakness = passwordWeakness(input.newPassword, user.email);
        if (weakness) throw new AppError("WEAK_PASSWORD", weakness, { field: "newPassword" });
        const encryptedPassword = await hashPassword(input.newPassword);
        const token = ctx.cookies.get(SESSION_COOKIE) ?? "";
        await db.transaction(async (tx) => {
          await tx.update(authUsers).set({ encryptedPassword, updatedAt: new Date() }).where(eq(authUsers.id, user.id));
          await tx
            .delete(localSessions)
            .where(and(eq(localSessions.userId, user.id), ne(localSessions.id, tokenId(token))));
        });
      });
    },

    async logOut(ctx) {
      const token = ctx.cookies.get(SESSION_COOKIE);
      if (token) await asService((db) => db.delete(localSessions).where(eq(localSessions.id, tokenId(token))));
      ctx.cookies.delete(SESSION_COOKIE, sessionCookieOptions(0));
    },

    async currentUser(cookies: CookieJar) {
      const token = cookies.get(SESSION_COOKIE);
      if (!token || token.length > 128) return null;
      const [row] = await asService((db) =>
        db
          .select({ id: authUsers.id, email: authUsers.email })
          .from(localSessions)
          .innerJoin(authUsers, eq(authUsers.id, localSessions.userId))
          .where(and(eq(localSessions.id, tokenId(token)), gt(localSessions.expiresAt, new Date()))),
      );
      return row ? { id: row.id, email: row.email ?? "" } : null;
    },
  };
}
