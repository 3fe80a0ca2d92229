import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { signInPauseSeconds, throttlePolicy } from "@/lib/auth/throttle";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser, uniqueEmail } from "./helpers/factory";

const password = "correct horse battery staple";
const invalid = { ok: false, reason: "invalid" };

describe.each(testDatabases())("password sign-in on $kind", (target) => {
  const database = useDatabase(target);
  // Each attempt from an address of its own: here the per-email throttle is under test, and the
  // per-address limit (tests/sign-in-address-limit.test.ts) would otherwise add up across runs.
  const signIn = (email: string, pw: string) =>
    authenticateWithPassword(database().db, { email, password: pw }, `2001:db8::${randomBytes(6).toString("hex")}`);

  it("accepts the right password and records when the user signed in", async () => {
    const user = await createUser(database().db, { password });
    const result = await signIn(user.email, password);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    const [row] = await database().db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("matches the email regardless of case and surrounding spaces", async () => {
    const user = await createUser(database().db, { password });
    expect(await signIn(`  ${user.email.toUpperCase()} `, password)).toMatchObject({ ok: true });
  });

  it("answers a wrong password, an unknown email and a disabled account the same way", async () => {
    const user = await createUser(database().db, { password });
    const disabled = await createUser(database().db, { password, status: "disabled" });
    expect(await signIn(user.email, "not the password")).toEqual(invalid);
    expect(await signIn(uniqueEmail(), password)).toEqual(invalid);
    expect(await signIn(disabled.email, password)).toEqual(invalid);
    const [row] = await database().db.select().from(users).where(eq(users.id, disabled.id));
    expect(row!.lastSignInAt).toBeNull();
  });

  it("pauses sign-in after five failures, even for the right password, until the pause has passed", async () => {
    const user = await createUser(database().db, { password });
    for (let i = 0; i < 5; i++) expect(await signIn(user.email, "wrong")).toEqual(invalid);

    const paused = await signIn(user.email, password);
    expect(paused).toEqual({ ok: false, reason: "paused", retryAfterSeconds: expect.any(Number) });
    const { retryAfterSeconds } = paused as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(throttlePolicy.basePauseSeconds);

    const afterPause = new Date(Date.now() + (throttlePolicy.basePauseSeconds + 1) * 1000);
    expect(await signInPauseSeconds(database().db, user.email, afterPause)).toBe(0);
  });

  it("pauses an unknown email too, so guessing cannot tell accounts apart", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) await signIn(email, "wrong");
    expect(await signIn(email, "wrong")).toMatchObject({ reason: "paused" });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser(database().db, { password });
    for (let i = 0; i < 4; i++) await signIn(user.email, "wrong");
    expect(await signIn(user.email, password)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await signIn(user.email, "wrong");
    // Without the reset these would be eight failures in a row, and sign-in would be paused.
    expect(await signInPauseSeconds(database().db, user.email)).toBe(0);
    expect(await signIn(user.email, password)).toMatchObject({ ok: true });
  });
});
