// npm run bench:provision:queue — provisioning as the portal does it: sent to the job queue and run by one worker process's queue
import { and, inArray, notInArray } from "drizzle-orm";
import type { DatabaseTarget } from "../db/client";
import { operations } from "../db/schema";
import { startJobQueue } from "../lib/jobs/job-queue";
import { queueSettings } from "../lib/jobs/queue-settings";
import { criticalPathLength, provisionPlan } from "../lib/provisioning/plan";
import { openProvisionFixture } from "./provision-fixture";
import { median, printResults } from "./report";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const plan = provisionPlan({ name: "x", quota: { pods: 10 } });
const criticalPathMs = criticalPathLength(plan) * latencyMs;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
process.env.ENCLAVE_ENCRYPTION_KEY ??= "bench-only-key";

async function measure(target: DatabaseTarget, label: string) {
  const run = `q${Date.now().toString(36)}`;
  const fixture = await openProvisionFixture(target, run, latencyMs);
  const { db, database } = fixture;
  // A schema of its own, so no other queue's jobs run here; no periodic tasks beside the operations.
  const queue = await startJobQueue(database, {
    work: true,
    settings: queueSettings({ ENCLAVE_JOBS_SCHEMA: `pgboss_bench_${run}` }),
    periodicTasks: [],
  });
  const rows = [];
  for (const count of [1, 50]) {
    const walls = [];
    for (let r = 0; r < runs; r++) {
      const ops = await fixture.createTenants(count, `${count}-${r}`);
      const started = performance.now();
      await Promise.all(ops.map((id) => queue.enqueue(id)));
      // Polled every 10 ms: the wall time is at most that much late.
      const finished = and(inArray(operations.id, ops), notInArray(operations.state, ["pending", "running"]));
      while ((await db.select({ id: operations.id }).from(operations).where(finished)).length < count) await sleep(10);
      walls.push(performance.now() - started);
    }
    const wallMs = median(walls);
    rows.push({
      database: label,
      tenants: count,
      runs,
      medianWallMs: Math.round(wallMs),
      criticalPathMs,
      ratioToCriticalPath: +(wallMs / criticalPathMs).toFixed(2),
    });
  }
  await queue.stop();
  await database.executeSql(`drop schema pgboss_bench_${run} cascade`);
  await fixture.cleanup();
  return rows;
}

const results = [...(await measure({ memory: true }, "pglite"))];
if (process.env.DATABASE_URL) results.push(...(await measure({ url: process.env.DATABASE_URL }, "postgres")));
printResults(
  `provisioning through the job queue, local cloud at ${latencyMs} ms per call, plan of ${plan.length} steps with a critical path of ${criticalPathLength(plan)}`,
  results,
);
