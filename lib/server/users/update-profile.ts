import "server-only";
import { eq } from "drizzle-orm";
import type { UpdateProfileInput } from "@/app/api/profile/schema";
import type { Executor } from "../db/client";
import { users } from "../db/schema";

export async function updateProfile(db: Executor, input: { userId: string } & UpdateProfileInput) {
  const [row] = await db
    .update(users)
    .set({ name: input.name || null })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, name: users.name, email: users.email });
  return row;
}
