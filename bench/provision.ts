// npm run bench:provision — provisioning wall time against the plan's critical path, local cloud at a fixed latency
import type { DatabaseTarget } from "../db/client";
import { createLocalDriver } from "../lib/cloud/local";
import { runOperation } from "../lib/provisioning/engine";
import { criticalPathLength, provisionPlan } from "../lib/provisioning/plan";
import { openProvisionFixture } from "./provision-fixture";
import { median, printResults } from "./report";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const plan = provisionPlan({ name: "x", quota: { pods: 10 } });
const criticalPathMs = criticalPathLength(plan) * latencyMs;
const serialMs = plan.length * latencyMs;
const runs = Number(process.env.BENCH_RUNS ?? 3);

async function measure(target: DatabaseTarget, label: string) {
  const run = `b${Date.now().toString(36)}`;
  const fixture = await openProvisionFixture(target, run, latencyMs);
  const { db } = fixture;
  const options = {
    workerId: "bench",
    seal: (s: string) => s,
    driverFor: async () => createLocalDriver(db, fixture.infrastructureId, { latencyMs }),
  };
  const rows = [];
  for (const count of [1, 50]) {
    const walls = [];
    for (let r = 0; r < runs; r++) {
      const ops = await fixture.createTenants(count, `${count}-${r}`);
      const started = performance.now();
      await Promise.all(ops.map((id) => runOperation(db, id, options)));
      walls.push(performance.now() - started);
    }
    const wallMs = median(walls);
    rows.push({
      database: label,
      tenants: count,
      runs,
      medianWallMs: Math.round(wallMs),
      criticalPathMs,
      serialMs: serialMs * count,
      ratioToCriticalPath: +(wallMs / criticalPathMs).toFixed(2),
    });
  }
  await fixture.cleanup();
  return rows;
}

const results = [...(await measure({ memory: true }, "pglite"))];
if (process.env.DATABASE_URL) results.push(...(await measure({ url: process.env.DATABASE_URL }, "postgres")));
printResults(
  `provisioning, local cloud at ${latencyMs} ms per call, plan of ${plan.length} steps with a critical path of ${criticalPathLength(plan)}`,
  results,
);
