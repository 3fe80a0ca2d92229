import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const throttlePolicy = {
  /** Failures allowed in the window before sign-in pauses. */
  freeFailures: 5,
  windowMinutes: 15,
  /** The pause after the free failures, doubling with each further failure. */
  basePauseSeconds: 30,
  maxPauseSeconds: 15 * 60,
} as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Seconds the caller must wait before the next attempt for this email; 0 when free to try. */
export async function signInPauseSeconds(db: Db, email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - throttlePolicy.windowMinutes * 60_000);
  const recent = await db
    .select({ succeeded: loginAttempts.succeeded, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, normalizeEmail(email)), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(50);
  const lastSuccess = recent.findIndex((a) => a.succeeded);
  const failures = lastSuccess === -1 ? recent : recent.slice(0, lastSuccess);
  const over = failures.length - throttlePolicy.freeFailures;
  if (over < 0 || !failures[0]) return 0;
  const pause = Math.min(throttlePolicy.basePauseSeconds * 2 ** over, throttlePolicy.maxPauseSeconds);
  const waited = (now.getTime() - failures[0].at.getTime()) / 1000;
  return Math.max(0, Math.ceil(pause - waited));
}

export async function recordSignInAttempt(db: Db, email: string, succeeded: boolean, ip: string | null): Promise<void> {
  await db.insert(loginAttempts).values({ email: normalizeEmail(email), succeeded, ip });
}
