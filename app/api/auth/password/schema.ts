import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/shared/password-policy";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: z
      .string()
      .min(1, "Enter a new password.")
      .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
