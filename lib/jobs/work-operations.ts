import type PgBoss from "pg-boss";
import { operationQueue } from "./operation-jobs";

type Handler = (jobs: PgBoss.Job<{ operationId: string }>[]) => Promise<void>;

/**
 * Runs up to `concurrency` operations at once as that many pg-boss loops of one job each, so that
 * processes still share the queue job by job. A loop whose job ends fetches the next at once rather
 * than after its polling interval; wake() has an idle loop fetch now (a job sent by this process).
 */
export async function workOperations(boss: PgBoss, concurrency: number, handler: Handler): Promise<{ wake(): void }> {
  const loops: { id: string; busy: boolean }[] = [];
  for (let i = 0; i < concurrency; i++) {
    const loop = { id: "", busy: false };
    loop.id = await boss.work<{ operationId: string }>(
      operationQueue,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async (jobs) => {
        loop.busy = true;
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
  let next = 0;
  return {
    wake() {
      // Round robin, so that many jobs sent at once wake many loops.
      for (let i = 0; i < loops.length; i++) {
        const loop = loops[(next + i) % loops.length]!;
        if (loop.busy) continue;
        next = (next + i + 1) % loops.length;
        boss.notifyWorker(loop.id);
        return;
      }
    },
  };
}
