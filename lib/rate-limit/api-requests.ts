import type { Db } from "@/db/client";
import { consumeOrWait, sharedLimiter } from "./shared-limiter";

const limiters = new WeakMap<Db, ReturnType<typeof sharedLimiter>>();

/** Requests one token may make a minute, across every replica (ENCLAVE_API_RATE_LIMIT, 600 when unset). */
export function apiRequestsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.ENCLAVE_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

export function apiRequestLimiter(db: Db) {
  return sharedLimiter(db, { keyPrefix: "api-token", points: apiRequestsPerMinute(), duration: 60 });
}

/** Seconds the token must wait before its next request; 0 when this one may go ahead. */
export async function apiRequestWaitSeconds(db: Db, tokenId: string): Promise<number> {
  let limiter = limiters.get(db);
  if (!limiter) limiters.set(db, (limiter = apiRequestLimiter(db)));
  return consumeOrWait(limiter, tokenId);
}
