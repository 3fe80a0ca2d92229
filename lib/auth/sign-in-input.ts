import { z } from "zod";

// Pure schema: the login form validates with it before the server checks it again.
export const signInInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email.")
    .max(254, "That email is too long.")
    .email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

export type SignInInput = z.infer<typeof signInInput>;
