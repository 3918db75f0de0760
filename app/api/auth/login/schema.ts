import { z } from "zod";

export const loginSchema = z
  .object({
    email: z.email("Enter a valid e-mail address.").max(255, "Use at most 255 characters."),
    password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;
