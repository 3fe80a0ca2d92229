import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { localCloudResources, operations, operationSteps, tenants } from "@/db/schema";
import { startJobQueue } from "@/lib/jobs/job-queue";
import { queueSettings } from "@/lib/jobs/queue-settings";
import { requestResourceCreation } from "@/lib/resources/request-resource-change";
import { isolatedTestDatabases, useDatabase } from "./helpers/databases";
import { provisioningSetup } from "./helpers/provisioning";
import { waitUntil } from "./helpers/worker-processes";

describe.each(isolatedTestDatabases())("a database's re-check on the job queue on $kind", (target) => {
  const database = useDatabase(target);
  process.env.ENCLAVE_ENCRYPTION_KEY ??= "test-only-key";
  process.env.ENCLAVE_DATABASE_RECHECK_SECONDS = "1";

  it(
    "rests the create without a worker, and its scheduled re-check finishes it after a restart",
    { timeout: 180_000 },
    async () => {
      const { db } = database();
      const p = await provisioningSetup(db, { databaseReadySeconds: 3 });
      const made = await p.create();
      await p.run(made.operationId);
      const [tenant] = await db.select().from(tenants).where(eq(tenants.name, made.name));
      const { operationId } = await requestResourceCreation(
        { db, actor: p.admin, ip: null, tenant: tenant! },
        {
          tenant: made.name,
          kind: "database",
          name: "orders",
          engine: "mysql",
          engineVersion: "8.0.39",
          size: "medium",
          storageGiB: 100,
          multiAz: true,
        },
      );
      const op = async () => (await db.select().from(operations).where(eq(operations.id, operationId)))[0]!;
      const step = async () =>
        (await db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId)))[0];
      const settings = queueSettings({ ENCLAVE_JOBS_SCHEMA: target.jobsSchema });

      const first = await startJobQueue(database(), { work: true, settings, periodicTasks: [] });
      try {
        await first.enqueue(operationId);
        await waitUntil(async () => (await step())?.result?.waiting !== undefined, 60_000, "the create to rest");
      } finally {
        await first.stop();
      }
      expect(await op()).toMatchObject({ state: "running", leaseOwner: null });

      // A new process, with no sweep: only the re-check scheduled before the restart can finish it.
      const second = await startJobQueue(database(), { work: true, settings, periodicTasks: [] });
      try {
        await waitUntil(async () => (await op()).state !== "running", 90_000, "the re-check to finish the create");
      } finally {
        await second.stop();
      }
      expect((await op()).state).toBe("succeeded");
      const rows = await db.select().from(localCloudResources).where(eq(localCloudResources.tenantTag, made.name));
      expect(rows.filter((r) => r.kind === "database")).toMatchObject([
        { attributes: { engine: "mysql", instanceClass: "db.t4g.small", storageGiB: 100, multiAz: true, port: 3306 } },
      ]);
    },
  );
});
