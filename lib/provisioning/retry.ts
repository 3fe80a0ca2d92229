import { TransientCloudError } from "@/lib/cloud/contract";

export type RetryPolicy = { attempts: number; baseMs: number; maxMs: number; sleep?: (ms: number) => Promise<void> };
const defaultRetry: RetryPolicy = { attempts: 6, baseMs: 250, maxMs: 8_000 };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries transient cloud errors with exponential backoff and full jitter; anything else fails at once. */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = defaultRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TransientCloudError) || attempt >= policy.attempts) throw error;
      const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      await (policy.sleep ?? wait)(Math.random() * ceiling);
    }
  }
}
