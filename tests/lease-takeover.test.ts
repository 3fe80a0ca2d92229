import { hostname } from "node:os";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { operations, tenants } from "@/db/schema";
import { OperationHeldError } from "@/lib/provisioning/engine";
import { testDatabases, useDatabase } from "./helpers/databases";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";
import { deadPid } from "./helpers/worker-processes";

describe.each(testDatabases())("taking over a dead worker's operation on $kind", (target) => {
  const database = useDatabase(target);
  const operationRow = async (id: string) =>
    (await database().db.select().from(operations).where(eq(operations.id, id)))[0]!;

  // As if `owner` had claimed the operation and run its first steps before it died, its lease still a minute long.
  async function heldBy(owner: string) {
    const { db } = database();
    const p = await provisioningSetup(db);
    const made = await p.create();
    const crash = (key: string) => {
      if (key === "namespace") throw new Error("simulated kill");
    };
    await expect(p.run(made.operationId, { workerId: owner, hooks: { afterCloudCall: crash } })).rejects.toThrow(
      "simulated kill",
    );
    await db
      .update(operations)
      .set({ leaseOwner: owner, leaseUntil: sql`now() + interval '1 minute'` })
      .where(eq(operations.id, made.operationId));
    return { p, ...made };
  }

  it.each([
    ["whose process has exited", () => `${hostname()}:${deadPid()}:abcdef`],
    ["that had this process's pid under another id", () => `${hostname()}:${process.pid}:000000`],
  ])(
    "takes over at once, without waiting out the lease, an operation held by a worker on this host %s",
    async (_what, owner) => {
      const { p, tenantId, operationId } = await heldBy(owner());
      expect(await p.run(operationId, { workerId: "successor", whenHeld: "throw" })).toBe("finished");
      expect(await operationRow(operationId)).toMatchObject({ state: "succeeded", leaseOwner: null });
      const [tenant] = await database().db.select().from(tenants).where(eq(tenants.id, tenantId));
      expect(tenant!.status).toBe("ready");
      expect(countByKind(await p.resources(tenant!))).toEqual(oneOfEach);
    },
  );

  it.each([
    ["a live process on this host", () => `${hostname()}:${process.ppid}:abcdef`],
    ["a worker on another host", () => `elsewhere:${deadPid()}:abcdef`],
  ])("leaves an operation held by %s until its lease lapses, naming the holder", async (_what, owner) => {
    const holder = owner();
    const { p, operationId } = await heldBy(holder);
    await expect(p.run(operationId, { workerId: "successor", whenHeld: "throw" })).rejects.toThrow(
      new OperationHeldError(operationId, holder),
    );
    expect(await operationRow(operationId)).toMatchObject({ state: "running", leaseOwner: holder });
  });

  it("lets only one of two workers take over from the same dead worker", async () => {
    const { p, operationId } = await heldBy(`${hostname()}:${deadPid()}:abcdef`);
    const outcomes = await Promise.all([
      p.run(operationId, { workerId: "successor-a" }),
      p.run(operationId, { workerId: "successor-b" }),
    ]);
    expect(outcomes.sort()).toEqual(["finished", "skipped"]);
  });
});
