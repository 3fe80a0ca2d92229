import { describe, expect, it } from "vitest";
import { signInInput } from "@/lib/auth/credentials";

/** The first message for each field: the one the sign-in form shows. */
function firstErrors(input: unknown): Record<string, string | undefined> {
  const result = signInInput.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string | undefined> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("signInInput", () => {
  it("accepts an email and a password, trimming the email", () => {
    expect(signInInput.parse({ email: "  ada@example.com ", password: "secret" })).toEqual({
      email: "ada@example.com",
      password: "secret",
    });
  });

  it("asks for the email and the password when they are empty", () => {
    expect(firstErrors({ email: "", password: "" })).toEqual({
      email: "Enter your email.",
      password: "Enter your password.",
    });
    expect(firstErrors({ email: "   ", password: "x" })).toEqual({ email: "Enter your email." });
  });

  it("rejects something that is not an email address", () => {
    expect(firstErrors({ email: "ada", password: "x" })).toEqual({ email: "Enter a valid email address." });
    expect(firstErrors({ email: "ada@", password: "x" })).toEqual({ email: "Enter a valid email address." });
  });

  it("rejects an overlong email or password", () => {
    const longEmail = `${"a".repeat(250)}@example.com`;
    expect(firstErrors({ email: longEmail, password: "x" })).toEqual({ email: "That email is too long." });
    expect(firstErrors({ email: "ada@example.com", password: "p".repeat(1025) })).toEqual({
      password: "That password is too long.",
    });
    expect(signInInput.safeParse({ email: "ada@example.com", password: "p".repeat(1024) }).success).toBe(true);
  });
});
