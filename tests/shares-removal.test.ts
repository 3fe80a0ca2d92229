import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { operationSteps } from "@/db/schema";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { testDatabases, useDatabase } from "./helpers/databases";
import { shareSetup } from "./helpers/shares";

describe.each(testDatabases())("shares end with their resource or tenant on $kind", (target) => {
  const database = useDatabase(target);

  async function activeBucketShare() {
    const s = await shareSetup(database().db);
    const shareId = await s.ask("bucket", "data", "read");
    return { ...s, shareId, approval: await s.approve(shareId) };
  }

  it("resumes an approval after a crash right after each cloud call, with no double grant", async () => {
    for (const crashStep of ["share-bucket-grant", "share-key-grant"]) {
      const s = await activeBucketShare();
      const crash = (key: string) => {
        if (key === crashStep) throw new Error(`simulated crash after ${key}`);
      };
      await expect(s.p.run(s.approval, { hooks: { afterCloudCall: crash } })).rejects.toThrow("simulated crash");
      expect((await s.shareRow(s.shareId)).state).toBe("approving");
      expect(await s.p.run(s.approval)).toBe("finished");
      expect(await s.cloud("bucket_grant")).toHaveLength(1);
      expect(await s.cloud("key_grant")).toHaveLength(1);
      expect(await s.shareRow(s.shareId)).toMatchObject({ state: "active" });
      expect((await s.shareRow(s.shareId)).cloudRefs).toHaveLength(2);
      const steps = await database().db.select().from(operationSteps).where(eq(operationSteps.operationId, s.approval));
      expect(steps.map((step) => [step.key, step.state]).sort()).toEqual([
        ["share-bucket-grant", "succeeded"],
        ["share-key-grant", "succeeded"],
      ]);
      await s.p.runToEnd(await startTenantOperation(database().db, s.a.tenantId, "delete"));
      await s.p.runToEnd(await startTenantOperation(database().db, s.b.tenantId, "delete"));
    }
  });

  it("revokes the share and removes its grants when the shared bucket is deleted", async () => {
    const s = await activeBucketShare();
    await s.p.run(s.approval);
    const deletion = await startTenantOperation(database().db, s.a.tenantId, "resource", {
      action: "delete",
      kind: "bucket",
      name: s.bucket,
    });
    expect(await s.p.run(deletion)).toBe("finished");
    expect(await s.cloud("bucket_grant")).toEqual([]);
    expect(await s.cloud("key_grant")).toEqual([]);
    expect(await s.shareRow(s.shareId)).toMatchObject({ state: "revoked", cloudRefs: [] });
    const keys = (
      await database().db.select().from(operationSteps).where(eq(operationSteps.operationId, deletion))
    ).map((step) => [step.key, step.state]);
    expect(keys).toEqual(expect.arrayContaining([["revoke-shares", "succeeded"]]));
  });

  it("adds no step to a deletion of a resource that has no share", async () => {
    const s = await activeBucketShare();
    await s.p.run(s.approval);
    const deletion = await startTenantOperation(database().db, s.a.tenantId, "resource", {
      action: "delete",
      kind: "host",
      name: "web",
    });
    await s.p.run(deletion);
    const steps = await database().db.select().from(operationSteps).where(eq(operationSteps.operationId, deletion));
    expect(steps.map((step) => step.key)).toEqual(["remove-host"]);
    expect((await s.shareRow(s.shareId)).state).toBe("active");
  });

  it.each(["grantee", "owner"] as const)("revokes the share when the %s tenant is deleted", async (side) => {
    const s = await activeBucketShare();
    await s.p.run(s.approval);
    const gone = side === "owner" ? s.a : s.b;
    expect(await s.p.runToEnd(await startTenantOperation(database().db, gone.tenantId, "delete"))).toBe("finished");
    expect(await s.cloud("bucket_grant")).toEqual([]);
    expect(await s.cloud("key_grant")).toEqual([]);
    expect(await s.shareRow(s.shareId)).toMatchObject({ state: "revoked", cloudRefs: [] });
  });
});
