import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commonPasswords } from "@/lib/auth/common-passwords";
import { isCommonPassword, passwordProblem, passwordSchema, refineEmailName } from "@/lib/auth/password-policy";

const firstMessage = (value: unknown) => {
  const result = passwordSchema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("password policy", () => {
  it("ships several hundred common passwords, lower-case", () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(500);
    for (const word of commonPasswords) expect(word).toBe(word.toLowerCase());
  });

  it("accepts a long, uncommon password", () => {
    expect(firstMessage("correct horse battery staple")).toBeNull();
    expect(firstMessage("x7#Qe9-lamp-orbit")).toBeNull();
    expect(passwordProblem("correct horse battery staple", "ada@example.com")).toBeNull();
  });

  it("asks for a password when it is missing or not text", () => {
    for (const value of [undefined, null, 42, {}, ""]) expect(firstMessage(value)).toBe("Enter a password.");
  });

  it("asks for at least 12 and at most 256 characters", () => {
    expect(firstMessage("Tr0ub4dor&3")).toBe("Use at least 12 characters.");
    expect(firstMessage("q".repeat(11) + "z")).toBeNull();
    expect(firstMessage("correct horse ".repeat(19))).toBe("Use at most 256 characters.");
    expect(firstMessage(`${"a1b2c3d4".repeat(32)}`)).toBeNull();
  });

  it("refuses common passwords, also with case changes, look-alike letters and a suffix", () => {
    for (const password of [
      "password1234",
      "qwertyuiop123",
      "123456789012",
      "PASSWORD1234",
      "P@ssw0rd2024!",
      "Summer2025!!",
      "iloveyou1234",
      "letmein12345",
    ]) {
      expect(firstMessage(password), password).toBe("That password is too common; choose another.");
    }
    expect(isCommonPassword("dragonfly-over-the-pond")).toBe(false);
  });

  it("refuses one repeated character", () => {
    expect(firstMessage("aaaaaaaaaaaaaaa")).toBe("That password is one character repeated; choose another.");
    expect(firstMessage("############")).toBe("That password is one character repeated; choose another.");
  });

  it("refuses a password that contains the email's local part, in any case", () => {
    expect(passwordProblem("my-AdaLovelace-key", "adalovelace@example.com")).toBe(
      "The password must not contain “adalovelace” from the email address.",
    );
    // Two letters would refuse too much: "ab" is in many good passwords.
    expect(passwordProblem("tab-lamp-orbit-42", "ab@example.com")).toBeNull();
  });

  it("reports the email rule on the password field of a form schema", () => {
    const form = z.object({ email: z.string(), password: passwordSchema }).superRefine(refineEmailName);
    const result = form.safeParse({ email: "grace@example.com", password: "grace-hopper-navy" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["password"], message: expect.stringContaining("“grace”") }),
    ]);
  });
});
