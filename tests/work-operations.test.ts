import type PgBoss from "pg-boss";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { workOperations } from "@/lib/jobs/work-operations";

// pg-boss itself runs in tests/job-queue.test.ts; here only which loop is told to fetch, and when.
function recordingBoss() {
  const handlers: ((jobs: PgBoss.Job<{ operationId: string }>[]) => Promise<void>)[] = [];
  const intervals: number[] = [];
  const notified: string[] = [];
  const boss = {
    work: async (_queue: string, options: { pollingIntervalSeconds: number }, handler: (typeof handlers)[number]) => {
      handlers.push(handler);
      intervals.push(options.pollingIntervalSeconds);
      return `loop-${handlers.length - 1}`;
    },
    notifyWorker: (id: string) => notified.push(id),
  } as unknown as PgBoss;
  const job = (operationId: string) =>
    [{ id: operationId, data: { operationId } }] as PgBoss.Job<{ operationId: string }>[];
  return { boss, handlers, intervals, notified, job };
}

describe("the operation loops of a worker", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fetch every half second through one idle loop, not every loop on its own", async () => {
    const { boss, intervals, notified } = recordingBoss();
    const loops = await workOperations(boss, 4, async () => {});
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(10);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(notified).toEqual(["loop-0", "loop-1", "loop-2", "loop-3"]);
    loops.stop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(notified).toHaveLength(4);
  });

  it("wake another idle loop when one finds a job, and none while all are busy", async () => {
    const { boss, handlers, notified, job } = recordingBoss();
    const running: (() => void)[] = [];
    const loops = await workOperations(boss, 2, () => new Promise<void>((resolve) => running.push(resolve)));
    const first = handlers[0]!(job("a"));
    expect(notified).toEqual(["loop-1"]);
    const second = handlers[1]!(job("b"));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(notified).toEqual(["loop-1"]);
    running.forEach((finish) => finish());
    await Promise.all([first, second]);
    // Each loop whose job ended fetches its next at once.
    expect(notified.slice(1).sort()).toEqual(["loop-0", "loop-1"]);
    loops.stop();
  });
});
