import type { Db } from "@/db/client";
import { configuredLimit, consumeOrWait, limiterOnce } from "./shared-limiter";

/**
 * Failed password sign-ins one client address may make in 15 minutes, whichever emails it tries
 * (the per-email throttle cannot see one address trying many accounts). ENCLAVE_SIGN_IN_ADDRESS_LIMIT
 * overrides the 20; a successful sign-in gives its attempt back, so an office behind one address is not locked out.
 */
export function signInAddressPolicy(env: Record<string, string | undefined> = process.env) {
  return { attempts: configuredLimit(env.ENCLAVE_SIGN_IN_ADDRESS_LIMIT, 20), windowSeconds: 15 * 60 };
}

function limiterFor(db: Db) {
  return limiterOnce(db, "sign-in-address", () => {
    const { attempts, windowSeconds } = signInAddressPolicy();
    return { points: attempts, duration: windowSeconds };
  });
}

/** Counts an attempt from `ip`; the seconds to wait when the address is over its budget, else 0. */
export async function claimSignInAttempt(db: Db, ip: string | null): Promise<number> {
  if (!ip) return 0;
  return consumeOrWait(limiterFor(db), ip);
}

/** A successful sign-in is not an attack: its attempt no longer counts against the address. */
export async function refundSignInAttempt(db: Db, ip: string | null): Promise<void> {
  if (ip) await limiterFor(db).reward(ip, 1);
}
