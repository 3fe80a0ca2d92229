// npm run bench:provision — provisioning wall time against the plan's critical path, local cloud at a fixed latency
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { infrastructures, tenants, users } from "../db/schema";
import { loadActor } from "../lib/auth/actor";
import { createLocalDriver } from "../lib/cloud/local-driver";
import { runOperation } from "../lib/provisioning/engine";
import { criticalPathLength, provisionPlan } from "../lib/provisioning/plan";
import { createTenant } from "../lib/tenants/create-tenant";
import { printResults } from "./report";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const plan = provisionPlan({ name: "x", quota: { pods: 10 } });
const criticalPathMs = criticalPathLength(plan) * latencyMs;
const serialMs = plan.length * latencyMs;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(target: DatabaseTarget, label: string) {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const { db } = database;
  const run = `b${Date.now().toString(36)}`;
  const [infra] = await db.insert(infrastructures).values({ name: `bench-${run}`, config: { latencyMs } }).returning();
  const [user] = await db.insert(users).values({ email: `bench-${run}@bench.local`, name: "Bench", role: "admin" }).returning();
  const actor = await loadActor(db, user!);
  const options = { workerId: "bench", seal: (s: string) => s, driverFor: async () => createLocalDriver(db, infra!.id, { latencyMs }) };
  const rows = [];
  for (const count of [1, 50]) {
    const walls = [];
    for (let r = 0; r < runs; r++) {
      const ops = [];
      for (let i = 0; i < count; i++) {
        const name = `${run}-${count}-${r}-${i}`;
        ops.push((await createTenant({ db, actor, ip: null }, { name, infrastructureId: infra!.id, quota: { pods: 10 }, deletionProtection: false })).operationId);
      }
      const started = performance.now();
      await Promise.all(ops.map((id) => runOperation(db, id, options)));
      walls.push(performance.now() - started);
    }
    const wallMs = median(walls);
    rows.push({ database: label, tenants: count, runs, medianWallMs: Math.round(wallMs), criticalPathMs, serialMs: serialMs * count, ratioToCriticalPath: +(wallMs / criticalPathMs).toFixed(2) });
  }
  // Leave no benchmark tenants behind in a shared database.
  await db.delete(tenants).where(eq(tenants.infrastructureId, infra!.id));
  await db.delete(infrastructures).where(eq(infrastructures.id, infra!.id));
  await db.delete(users).where(eq(users.id, user!.id));
  await database.close();
  return rows;
}

const results = [...(await measure({ memory: true }, "pglite"))];
if (process.env.DATABASE_URL) results.push(...(await measure({ url: process.env.DATABASE_URL }, "postgres")));
printResults(`provisioning, local cloud at ${latencyMs} ms per call, plan of ${plan.length} steps with a critical path of ${criticalPathLength(plan)}`, results);
