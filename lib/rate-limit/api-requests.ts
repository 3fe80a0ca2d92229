import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Placeholder store until the shared (PostgreSQL) limiter lands: one process only.
const perToken = new RateLimiterMemory({
  keyPrefix: "api-token",
  points: Number(process.env.ENCLAVE_API_RATE_LIMIT ?? 600),
  duration: 60,
});

/** Seconds the token must wait before its next request; 0 when this one may go ahead. */
export async function apiRequestWaitSeconds(tokenId: string): Promise<number> {
  try {
    await perToken.consume(tokenId);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}
