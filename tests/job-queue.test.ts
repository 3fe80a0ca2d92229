import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { infrastructures, operations, tenants } from "@/db/schema";
import { startJobQueue } from "@/lib/jobs/job-queue";
import { expireDueTenants } from "@/lib/jobs/expire-tenants";
import { testDatabases, useDatabase } from "./helpers/databases";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(testDatabases())("job queue on $kind", (target) => {
  const database = useDatabase(target);

  it("provisions an enqueued tenant once, even when its job is sent twice, and expires it at its time", { timeout: 90_000 }, async () => {
    const { db } = database();
    process.env.ENCLAVE_ENCRYPTION_KEY ??= "test-only-key";
    const p = await provisioningSetup(db);
    await db.update(infrastructures).set({ config: { latencyMs: 1 } }).where(eq(infrastructures.id, p.infrastructure.id));
    const queue = await startJobQueue(database(), { work: true });
    try {
      const { tenantId, operationId } = await p.create();
      await Promise.all([queue.enqueue(operationId), queue.enqueue(operationId)]);
      const tenantStatus = async () => (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]!;
      const ready = await waitFor(tenantStatus, (t) => t.status !== "provisioning");
      expect(ready.status).toBe("ready");
      expect(countByKind(await p.resources(ready))).toEqual(oneOfEach);

      await db.update(tenants).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(tenants.id, tenantId));
      expect(await expireDueTenants(db, (id) => queue.enqueue(id))).toContain(ready.name);
      expect(await expireDueTenants(db, (id) => queue.enqueue(id))).toEqual([]);
      const gone = await waitFor(tenantStatus, (t) => t.status === "deleted");
      expect(gone.status).toBe("deleted");
      expect(await p.resources(ready)).toEqual([]);
      const ops = await db.select().from(operations).where(eq(operations.tenantId, tenantId));
      expect(ops.map((o) => `${o.kind}:${o.state}`).sort()).toEqual(["delete:succeeded", "provision:succeeded"]);
    } finally {
      await queue.stop();
    }
  });
});
