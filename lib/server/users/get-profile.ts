import "server-only";
import { eq } from "drizzle-orm";
import type { AuthUser } from "../auth/types";
import { asUser } from "../db/rls";
import { users } from "../db/schema";

export type Profile = { id: string; email: string; name: string | null; avatarUrl: string | null; createdAt: string };

/** The signed-in user's profile row (created by trigger when the auth user was). */
export async function getProfile(user: AuthUser): Promise<Profile> {
  const [row] = await asUser(user.id, (tx) => tx.select().from(users).where(eq(users.id, user.id)));
  return {
    id: user.id,
    email: row?.email ?? user.email,
    name: row?.name ?? null,
    avatarUrl: row?.avatarUrl ?? null,
    createdAt: (row?.createdAt ?? new Date()).toISOString(),
  };
}
