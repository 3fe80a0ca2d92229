import { z } from "zod";
import { commonPasswords } from "./common-passwords";

export const passwordPolicy = { minLength: 12, maxLength: 256 } as const;

export const passwordMessages = {
  missing: "Enter a password.",
  tooShort: `Use at least ${passwordPolicy.minLength} characters.`,
  tooLong: `Use at most ${passwordPolicy.maxLength} characters.`,
  repeated: "That password is one character repeated; choose another.",
  common: "That password is too common; choose another.",
  emailName: (name: string) => `The password must not contain “${name}” from the email address.`,
} as const;

const leet: Record<string, string> = {
  "@": "a",
  "4": "a",
  "3": "e",
  "1": "i",
  "!": "i",
  "0": "o",
  $: "s",
  "5": "s",
  "7": "t",
};

export function isOneRepeatedCharacter(password: string): boolean {
  return /^(.)\1*$/su.test(password);
}

/**
 * A listed password, or a listed word with digits and symbols tacked on and letters swapped for
 * look-alikes ("P@ssw0rd2024!"): the variations people reach for when told to make it longer.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, "");
  if (!base) return false;
  return commonPasswords.has(base) || commonPasswords.has([...base].map((c) => leet[c] ?? c).join(""));
}

/** The email's local part when the password contains it; shorter ones (ab@…) would refuse too much. */
export function emailNameIn(password: string, email: string): string | null {
  const name = email.split("@")[0]?.trim().toLowerCase() ?? "";
  return name.length >= 3 && password.toLowerCase().includes(name) ? name : null;
}

/** A new password as forms and actions take it; pair with `passwordProblem` once the email is known. */
export const passwordSchema = z
  .string({ error: passwordMessages.missing })
  .min(1, { error: passwordMessages.missing })
  .min(passwordPolicy.minLength, { error: passwordMessages.tooShort })
  .max(passwordPolicy.maxLength, { error: passwordMessages.tooLong })
  .refine((p) => !isOneRepeatedCharacter(p), { error: passwordMessages.repeated, abort: true })
  .refine((p) => !isCommonPassword(p), { error: passwordMessages.common });

/** The first thing wrong with the password for this account, as a message; null when it is fine. */
export function passwordProblem(password: string, email: string): string | null {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? passwordMessages.missing;
  const name = emailNameIn(password, email);
  return name ? passwordMessages.emailName(name) : null;
}

/** For an object schema holding both: reports the email-name rule on the password field. */
export function refineEmailName(value: { email: string; password: string }, ctx: z.RefinementCtx) {
  const name = emailNameIn(value.password, value.email);
  if (name) ctx.addIssue({ code: "custom", path: ["password"], message: passwordMessages.emailName(name) });
}
