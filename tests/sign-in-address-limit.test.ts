import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { signInErrorCode, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { signInAddressPolicy } from "@/lib/rate-limit/sign-in-addresses";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser, uniqueEmail } from "./helpers/factory";

// A low budget for this file; the e2e server sets a high one, as every persona signs in from 127.0.0.1.
vi.hoisted(() => {
  process.env.ENCLAVE_SIGN_IN_ADDRESS_LIMIT = "3";
});
afterAll(() => {
  delete process.env.ENCLAVE_SIGN_IN_ADDRESS_LIMIT;
});

const password = "correct horse battery staple";
// Documentation addresses of their own: the PostgreSQL database is shared with other runs.
const newAddress = () => `2001:db8::${randomBytes(6).toString("hex")}`;

describe.each(testDatabases())("sign-in limited per client address on $kind", (target) => {
  const database = useDatabase(target);
  const signIn = (email: string, pw: string, ip: string | null) =>
    authenticateWithPassword(database().db, { email, password: pw }, ip);

  it("pauses an address after its failures across many emails, even for a right password, and not others", async () => {
    const user = await createUser(database().db, { password });
    const address = newAddress();
    for (let i = 0; i < 3; i++)
      expect(await signIn(uniqueEmail(), "guess", address)).toEqual({ ok: false, reason: "invalid" });
    const paused = await signIn(user.email, password, address);
    expect(paused).toEqual({ ok: false, reason: "address_paused", retryAfterSeconds: expect.any(Number) });
    const { retryAfterSeconds } = paused as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(signInAddressPolicy().windowSeconds);
    expect(await signIn(user.email, password, newAddress())).toMatchObject({ ok: true });
  });

  it("does not count successful sign-ins, so many people behind one address can sign in", async () => {
    const user = await createUser(database().db, { password });
    const address = newAddress();
    for (let i = 0; i < 6; i++) expect(await signIn(user.email, password, address)).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++)
      expect(await signIn(uniqueEmail(), "guess", address)).toMatchObject({ reason: "invalid" });
    expect(await signIn(uniqueEmail(), "guess", address)).toMatchObject({ reason: "address_paused" });
  });

  it("reads its budget from ENCLAVE_SIGN_IN_ADDRESS_LIMIT, 20 in 15 minutes when unset", () => {
    expect(signInAddressPolicy()).toEqual({ attempts: 3, windowSeconds: 900 });
    expect(signInAddressPolicy({})).toEqual({ attempts: 20, windowSeconds: 900 });
    expect(signInAddressPolicy({ ENCLAVE_SIGN_IN_ADDRESS_LIMIT: "many" })).toMatchObject({ attempts: 20 });
  });
});

describe("the sign-in page's message for a paused address", () => {
  it("says the pause comes from the network, and how long to wait", () => {
    const code = signInErrorCode({ reason: "address_paused", retryAfterSeconds: 600 });
    expect(signInErrorMessage(code)).toBe(
      "Too many failed sign-in attempts from your network. Try again in 10 minutes.",
    );
    expect(signInErrorMessage(signInErrorCode({ reason: "paused", retryAfterSeconds: 30 }))).toBe(
      "Too many failed sign-in attempts. Try again in 30 seconds.",
    );
  });
});
