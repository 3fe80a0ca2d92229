import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { signInInput } from "./sign-in-input";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { claimSignInAttempt, refundSignInAttempt } from "@/lib/rate-limit/sign-in-addresses";
import { verifyDecoy, verifyPassword } from "./password";
import { normalizeEmail, recordSignInAttempt, signInPauseSeconds } from "./throttle";

export { signInInput };

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "paused" | "address_paused"; retryAfterSeconds: number };

/** The same answer for an unknown email, a wrong password, a disabled account and a service account. */
export async function authenticateWithPassword(
  db: Db,
  input: z.infer<typeof signInInput>,
  ip: string | null,
): Promise<SignInResult> {
  const addressWait = await claimSignInAttempt(db, ip);
  if (addressWait > 0) return { ok: false, reason: "address_paused", retryAfterSeconds: addressWait };
  const email = normalizeEmail(input.email);
  const pause = await signInPauseSeconds(db, email);
  if (pause > 0) return { ok: false, reason: "paused", retryAfterSeconds: pause };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDecoy(input.password);
  if (!user || !valid || user.status !== "active" || user.kind !== "person") {
    await recordSignInAttempt(db, email, false, ip);
    return { ok: false, reason: "invalid" };
  }
  await recordSignInAttempt(db, email, true, ip);
  await refundSignInAttempt(db, ip);
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { ok: true, user };
}
