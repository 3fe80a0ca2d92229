import type { Db } from "@/db/client";
import { configuredLimit, consumeOrWait, limiterOnce } from "./shared-limiter";

/** Requests one token may make a minute, across every replica (ENCLAVE_API_RATE_LIMIT, 600 when unset). */
export function apiRequestsPerMinute(env: Record<string, string | undefined> = process.env): number {
  return configuredLimit(env.ENCLAVE_API_RATE_LIMIT, 600);
}

/** Seconds the token must wait before its next request; 0 when this one may go ahead. */
export async function apiRequestWaitSeconds(db: Db, tokenId: string): Promise<number> {
  const limiter = limiterOnce(db, "api-token", () => ({ points: apiRequestsPerMinute(), duration: 60 }));
  return consumeOrWait(limiter, tokenId);
}
