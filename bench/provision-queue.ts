// npm run bench:provision:queue — provisioning as the portal does it: sent to the job queue and run by one worker process's queue
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { infrastructures, operations, tenants, users } from "../db/schema";
import { loadActor } from "../lib/auth/actor";
import { startJobQueue } from "../lib/jobs/job-queue";
import { queueSettings } from "../lib/jobs/queue-settings";
import { criticalPathLength, provisionPlan } from "../lib/provisioning/plan";
import { createTenant } from "../lib/tenants/create-tenant";
import { printResults } from "./report";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const plan = provisionPlan({ name: "x", quota: { pods: 10 } });
const criticalPathMs = criticalPathLength(plan) * latencyMs;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
process.env.ENCLAVE_ENCRYPTION_KEY ??= "bench-only-key";

async function measure(target: DatabaseTarget, label: string) {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const { db } = database;
  const run = `q${Date.now().toString(36)}`;
  const [infra] = await db.insert(infrastructures).values({ name: `bench-${run}`, config: { latencyMs } }).returning();
  const [user] = await db.insert(users).values({ email: `bench-${run}@bench.local`, name: "Bench", role: "admin" }).returning();
  const actor = await loadActor(db, user!);
  // A schema of its own, so no other queue's jobs run here; no periodic tasks beside the operations.
  const queue = await startJobQueue(database, { work: true, settings: queueSettings({ ENCLAVE_JOBS_SCHEMA: `pgboss_bench_${run}` }), periodicTasks: [] });
  const rows = [];
  for (const count of [1, 50]) {
    const walls = [];
    for (let r = 0; r < runs; r++) {
      const ops: string[] = [];
      for (let i = 0; i < count; i++) {
        const name = `${run}-${count}-${r}-${i}`;
        ops.push((await createTenant({ db, actor, ip: null }, { name, infrastructureId: infra!.id, quota: { pods: 10 }, deletionProtection: false })).operationId);
      }
      const started = performance.now();
      await Promise.all(ops.map((id) => queue.enqueue(id)));
      // Polled every 10 ms: the wall time is at most that much late.
      const finished = and(inArray(operations.id, ops), notInArray(operations.state, ["pending", "running"]));
      while ((await db.select({ id: operations.id }).from(operations).where(finished)).length < count) await sleep(10);
      walls.push(performance.now() - started);
    }
    const wallMs = median(walls);
    rows.push({ database: label, tenants: count, runs, medianWallMs: Math.round(wallMs), criticalPathMs, ratioToCriticalPath: +(wallMs / criticalPathMs).toFixed(2) });
  }
  await queue.stop();
  await database.executeSql(`drop schema pgboss_bench_${run} cascade`);
  await db.delete(tenants).where(eq(tenants.infrastructureId, infra!.id));
  await db.delete(infrastructures).where(eq(infrastructures.id, infra!.id));
  await db.delete(users).where(eq(users.id, user!.id));
  await database.close();
  return rows;
}

const results = [...(await measure({ memory: true }, "pglite"))];
if (process.env.DATABASE_URL) results.push(...(await measure({ url: process.env.DATABASE_URL }, "postgres")));
printResults(`provisioning through the job queue, local cloud at ${latencyMs} ms per call, plan of ${plan.length} steps with a critical path of ${criticalPathLength(plan)}`, results);
