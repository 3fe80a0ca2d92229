import type { Database } from "@/db/client";
import type { Log } from "@/lib/observability/logger";

// While calls keep failing, one reminder per this interval instead of one line per poll.
const reminderMs = 30_000;

/**
 * pg-boss's executeSql, logging failures and tracking calls in flight. pg-boss swallows every error
 * of its job fetch, so a worker that lost its database would poll on in silence: the first failure
 * is logged at once, then a reminder every 30 s while they last, and the first success after them.
 * It also completes or fails a job without awaiting it, so stop waits for those calls (drain).
 */
export function watchDatabaseCalls(database: Database, log: Log) {
  let failing: { since: number; count: number; remindedAt: number } | null = null;
  const inFlight = new Set<Promise<unknown>>();
  const call = async (text: string, values?: unknown[]) => {
    try {
      const result = await database.executeSql(text, values);
      if (failing)
        log("info", "job queue database calls succeed again", {
          failedCalls: failing.count,
          failingForSeconds: Math.round((Date.now() - failing.since) / 1000),
        });
      failing = null;
      return result;
    } catch (error) {
      const now = Date.now();
      if (!failing) {
        failing = { since: now, count: 1, remindedAt: now };
        log("error", "job queue database call failed; retrying", { error });
      } else {
        failing.count++;
        if (now - failing.remindedAt >= reminderMs) {
          failing.remindedAt = now;
          log("error", "job queue database calls still failing; retrying", { failedCalls: failing.count, error });
        }
      }
      throw error;
    }
  };
  return {
    executeSql(text: string, values?: unknown[]) {
      const pending = call(text, values);
      const tracked = pending.catch(() => {}).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return pending;
    },
    /** Waits, at most timeoutMs, for the calls in flight. */
    async drain(timeoutMs: number) {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight), new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timeout);
    },
  };
}
