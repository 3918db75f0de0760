import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/shared/password-policy";

export const signupSchema = z
  .object({
    email: z.email("Enter a valid e-mail address.").max(255, "Use at most 255 characters."),
    password: z.string().min(1, "Enter a password.").max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
    name: z.string().trim().max(255, "Use at most 255 characters.").optional(),
  })
  .strict();
export type SignupInput = z.infer<typeof signupSchema>;
