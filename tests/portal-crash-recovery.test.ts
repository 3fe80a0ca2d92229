import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { localCloudResources, operationSteps, tenants } from "@/db/schema";
import { operationQueue } from "@/lib/jobs/job-queue";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";
import { createWorkerSchema, newWorkerSchemaName, type WorkerSchema } from "./helpers/worker-database";
import { startPortal, waitUntil, type WorkerProcess } from "./helpers/worker-processes";

type Target = {
  kind: string;
  env: Record<string, string>;
  jobsSchema: string;
  open(): Promise<Database>;
  remove(): Promise<void>;
};

// The default install (PGlite files in a data folder) always; PostgreSQL, in a schema of its own,
// when DATABASE_URL is set. Each is made at its first open, which fills in the portal's env.
function targets(): Target[] {
  let dataDir: string | undefined;
  const pglite: Target = {
    kind: "pglite",
    env: {},
    jobsSchema: "pgboss",
    open() {
      dataDir ??= mkdtempSync(path.join(tmpdir(), "enclave-crash-"));
      Object.assign(pglite.env, { ENCLAVE_DATA_DIR: dataDir, DATABASE_URL: "" });
      return openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    },
    remove: async () => {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return [pglite];
  let isolated: WorkerSchema | undefined;
  const schema = newWorkerSchemaName();
  const postgres: Target = {
    kind: "postgres",
    env: {},
    jobsSchema: `${schema}_jobs`,
    async open() {
      isolated ??= await createWorkerSchema(baseUrl, schema);
      Object.assign(postgres.env, { DATABASE_URL: isolated.url, ENCLAVE_JOBS_SCHEMA: isolated.jobsSchema });
      return openDatabase({ url: isolated.url });
    },
    remove: async () => isolated?.drop(),
  };
  return [pglite, postgres];
}

// Opened only while no portal runs: PGlite's files take one process at a time.
async function withDatabase<T>(target: Target, read: (database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    await migrateDatabase(database);
    return await read(database);
  } finally {
    await database.close();
  }
}

const stepsDone = (portal: WorkerProcess, operationId: string) =>
  portal.logs.filter((l) => l.message === "step succeeded" && l.operationId === operationId).map((l) => l.step!);
const finished = (portal: WorkerProcess, operationId: string) =>
  portal.logs.some((l) => l.message === "operation finished" && l.operationId === operationId);

describe.each(targets())("a single-process portal SIGKILLed mid-provisioning on $kind", (target) => {
  it(
    "has its tenant finished by the restarted process within 15 s, with no duplicate cloud object and one job",
    { timeout: 600_000 },
    async () => {
      const portals: WorkerProcess[] = [];
      const env = {
        ...target.env,
        ENCLAVE_SEED_DEMO: "false",
        ENCLAVE_TELEMETRY: "false",
        ENCLAVE_IN_PROCESS_WORKER: "true",
        ENCLAVE_ENCRYPTION_KEY: "test-only-key",
        LOG_LEVEL: "debug",
      };
      try {
        // The default 60 s lease; each cloud call of the local infrastructure takes 600 ms.
        const { tenantId, operationId, name } = await withDatabase(target, async ({ db }) =>
          (await provisioningSetup(db, { latencyMs: 600 })).create(),
        );
        const first = startPortal({ ...env, ...target.env });
        portals.push(first);
        await waitUntil(
          () => stepsDone(first, operationId).length >= 3 || first.exit !== undefined,
          180_000,
          "three steps to succeed",
        );
        expect(finished(first, operationId)).toBe(false);
        first.child.kill("SIGKILL");
        await waitUntil(() => first.exit !== undefined, 60_000, "the first portal to die");
        const doneBeforeKill = stepsDone(first, operationId);

        const restartedAt = Date.now();
        const second = startPortal({ ...env, ...target.env });
        portals.push(second);
        await waitUntil(
          () => finished(second, operationId) || second.exit !== undefined,
          180_000,
          "the restarted portal to finish the operation",
        );
        const restartToFinishMs = Date.now() - restartedAt;
        // Recovery counts from the restarted portal's worker being up to the tenant finished: how long
        // booting a process takes on a loaded machine is not the engine's to answer for.
        const loggedAt = (message: string) =>
          Date.parse(
            second.logs.find((l) => l.message === message && (!l.operationId || l.operationId === operationId))!.time!,
          );
        const recoveredInMs = loggedAt("operation finished") - loggedAt("worker started");
        expect(second.logs).toContainEqual(
          expect.objectContaining({ message: `took over operation from dead worker ${first.workerId}`, operationId }),
        );
        second.child.kill("SIGTERM");
        await waitUntil(() => second.exit !== undefined, 120_000, "the restarted portal to stop");
        expect(second.exit).toBe("code 0");

        await withDatabase(target, async (database) => {
          const [tenant] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));
          expect(tenant!.status).toBe("ready");
          expect(
            countByKind(
              await database.db.select().from(localCloudResources).where(eq(localCloudResources.tenantTag, name)),
            ),
          ).toEqual(oneOfEach);
          const steps = await database.db
            .select()
            .from(operationSteps)
            .where(eq(operationSteps.operationId, operationId));
          expect(steps.filter((s) => s.state !== "succeeded")).toEqual([]);
          expect(steps.filter((s) => doneBeforeKill.includes(s.key)).map((s) => s.attempts)).toEqual(
            doneBeforeKill.map(() => 1),
          );
          const { rows: jobs } = await database.executeSql(
            `select id, state from ${target.jobsSchema}.job where name = $1 and (id::text = $2 or singleton_key = $2)`,
            [operationQueue, operationId],
          );
          expect(jobs).toEqual([{ id: operationId, state: "completed" }]);
          console.log(
            JSON.stringify({
              test: "portal-crash-recovery",
              kind: target.kind,
              recoveredInMs,
              restartToFinishMs,
              stepsBeforeKill: doneBeforeKill.length,
              steps: steps.length,
            }),
          );
        });
        expect(recoveredInMs).toBeLessThan(15_000);
      } finally {
        for (const portal of portals) if (portal.exit === undefined) portal.child.kill("SIGKILL");
        await target.remove();
      }
    },
  );
});
