import type PgBoss from "pg-boss";
import { operationQueue } from "./operation-jobs";

type Handler = (jobs: PgBoss.Job<{ operationId: string }>[]) => Promise<void>;

// Ten loops each polling every half second were twenty fetches a second on every idle worker (on
// PGlite, half of the CPU an idle minute took). A watcher wakes one idle loop instead.
const watchEveryMs = 500;
const loopPollingSeconds = 30;

/**
 * Runs up to `concurrency` operations at once as that many pg-boss loops of one job each, so that
 * processes still share the queue job by job. A loop whose job ends fetches the next at once rather
 * than after its polling interval; wake() has an idle loop fetch now: every half second, for a job
 * sent by this process, and when a loop finds a job, since jobs of another process come in batches.
 */
export async function workOperations(
  boss: PgBoss,
  concurrency: number,
  handler: Handler,
): Promise<{ wake(): void; stop(): void }> {
  const loops: { id: string; busy: boolean }[] = [];
  let next = 0;
  const wake = () => {
    // Round robin, so that many jobs sent at once wake many loops.
    for (let i = 0; i < loops.length; i++) {
      const loop = loops[(next + i) % loops.length]!;
      if (loop.busy) continue;
      next = (next + i + 1) % loops.length;
      boss.notifyWorker(loop.id);
      return;
    }
  };
  for (let i = 0; i < concurrency; i++) {
    const loop = { id: "", busy: false };
    loop.id = await boss.work<{ operationId: string }>(
      operationQueue,
      { pollingIntervalSeconds: loopPollingSeconds, batchSize: 1 },
      async (jobs) => {
        loop.busy = true;
        wake();
        try {
          await handler(jobs);
        } finally {
          loop.busy = false;
          boss.notifyWorker(loop.id);
        }
      },
    );
    loops.push(loop);
  }
  const watcher = setInterval(wake, watchEveryMs);
  watcher.unref();
  return { wake, stop: () => clearInterval(watcher) };
}
