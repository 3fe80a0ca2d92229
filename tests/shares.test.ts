import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, operationSteps } from "@/db/schema";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { createShare } from "@/lib/shares/create-share";
import { decideShare } from "@/lib/shares/decide-share";
import { requestShare } from "@/lib/shares/request-share";
import { revokeShare } from "@/lib/shares/revoke-share";
import { requestShareInput } from "@/lib/shares/share-input";
import { shareSid } from "@/lib/provisioning/share-cloud-objects";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { testDatabases, useDatabase } from "./helpers/databases";
import { shareSetup } from "./helpers/shares";

describe("share request input", () => {
  it.each([
    [{ kind: "bucket", access: "connect" }, "A bucket is shared for read or read-write, a database for connect."],
    [{ kind: "database", access: "read" }, "A bucket is shared for read or read-write, a database for connect."],
    [{ kind: "queue", access: "read" }, "Choose a bucket or a database."],
    [{ kind: "bucket", access: "read", resource: " " }, "Name the bucket or database to share."],
  ])("refuses %o", (fields, message) => {
    const input = { tenant: "b", owner: "a", resource: "data", ...fields };
    expect(requestShareInput.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe("share audit events", () => {
  it("read as sentences naming both tenants", () => {
    const details = { owner: "stage", grantee: "dev", access: "read" };
    const event = (action: string, extra = {}) =>
      describeAuditEvent({
        action,
        target: "bucket enclave-stage-data",
        tenant: "stage",
        details: { ...details, ...extra },
      });
    expect(event("share.requested")).toBe("dev asked stage for read access to bucket enclave-stage-data");
    expect(event("share.revoked", { reason: "tenant deleted" })).toBe(
      "Revoked dev's access to bucket enclave-stage-data of stage (tenant deleted)",
    );
  });
});

describe.each(testDatabases())("shares between tenants on $kind", (target) => {
  const database = useDatabase(target);

  it("answers a missing resource, a missing tenant and a tenant the requester cannot see alike, and refuses a self-share", async () => {
    const s = await shareSetup(database().db);
    const ctx = await s.within(s.bWriter, s.b.name);
    const ask = (owner: string, resource: string) =>
      requestShare(ctx, { owner, kind: "bucket", resource, access: "read" }, { driver: s.driver });
    await expect(ask(s.a.name, "nope")).rejects.toThrow(`There is no bucket nope in ${s.a.name}.`);
    await expect(ask("no-such-tenant", "data")).rejects.toThrow("There is no bucket data in no-such-tenant.");
    const stranger = await s.p.create();
    await s.p.run(stranger.operationId);
    await expect(ask(stranger.name, "data")).rejects.toMatchObject({ code: "not_found" });
    await expect(ask(s.b.name, "data")).rejects.toThrow("A tenant already reaches its own resources");
  });

  it("lets only the owner's side decide: B's writer cannot approve, A's writer can", async () => {
    const s = await shareSetup(database().db);
    const shareId = await s.ask("bucket", "data", "read");
    expect((await s.shareRow(shareId)).resourceName).toBe(s.bucket);
    await expect(decideShare(await s.within(s.bWriter, s.b.name), { shareId, decision: "approve" })).rejects.toThrow(
      "That share does not exist.",
    );
    const aReader = await s.userWith([[s.a.tenantId, "read"]]);
    await expect(
      decideShare(await s.within(aReader, s.a.name), { shareId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await s.shareRow(shareId)).state).toBe("requested");
    await decideShare(await s.within(s.aWriter, s.a.name), { shareId, decision: "decline" });
    expect(await s.shareRow(shareId)).toMatchObject({ state: "declined", decidedBy: s.aWriter.id });
    expect(await s.cloud("bucket_grant")).toEqual([]);
  });

  it("approves into exactly one bucket grant and one key grant for B's role, and revoking removes them", async () => {
    const s = await shareSetup(database().db);
    const { db } = database();
    const shareId = await s.ask("bucket", s.bucket, "read-write");
    const approval = await s.approve(shareId);
    expect((await s.shareRow(shareId)).state).toBe("approving");
    await s.p.run(approval);
    const roleName = (await s.cloud("iam_role")).find((r) => r.tenantTag === s.b.name)!.name;
    const keyId = (await s.cloud("kms_key")).find((r) => r.tenantTag === s.a.name)!.id;
    const [bucketGrant] = await s.cloud("bucket_grant");
    const [keyGrant] = await s.cloud("key_grant");
    expect(await s.cloud("bucket_grant")).toHaveLength(1);
    expect(await s.cloud("key_grant")).toHaveLength(1);
    const principalArn = `arn:aws:iam::000000000000:role/${roleName}`;
    expect(bucketGrant).toMatchObject({ name: shareSid(shareId), tenantTag: s.a.name });
    expect(shareSid(shareId)).toMatch(/^[A-Za-z0-9]+$/);
    expect(bucketGrant!.attributes).toMatchObject({ bucket: s.bucket, principalArn, access: "read-write" });
    expect(keyGrant!.attributes).toMatchObject({ keyId, principalArn, access: "read-write" });
    const active = await s.shareRow(shareId);
    expect(active.state).toBe("active");
    expect(active.cloudRefs.map((r) => r.id).sort()).toEqual([bucketGrant!.id, keyGrant!.id].sort());

    const { operationId: removal } = await revokeShare(await s.within(s.aWriter, s.a.name), { shareId });
    await s.p.run(removal!);
    expect(await s.cloud("bucket_grant")).toEqual([]);
    expect(await s.cloud("key_grant")).toEqual([]);
    expect(await s.shareRow(shareId)).toMatchObject({ state: "revoked", cloudRefs: [], revokedBy: s.aWriter.id });
    for (const tenantId of [s.a.tenantId, s.b.tenantId]) {
      const actions = (await db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId))).map(
        (e) => e.action,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          "share.requested",
          "share.approved",
          "share.granted",
          "share.revoked",
          "share.removed",
        ]),
      );
    }
  });

  it("shares a database as an ingress rule from B's group on its port, and a NetworkPolicy admitting B", async () => {
    const s = await shareSetup(database().db);
    const shareId = await s.ask("database", "orders", "connect");
    await s.p.run(await s.approve(shareId));
    const bGroup = (await s.cloud("security_group")).find((r) => r.tenantTag === s.b.name)!;
    const [rule] = await s.cloud("security_group_rule");
    expect(rule!.attributes).toMatchObject({
      groupId: "sg-orders-db",
      sourceGroupId: bGroup.id,
      sourceTenant: s.b.name,
      protocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
    });
    const policy = (await s.cloud("network_policy")).find((r) => r.name.endsWith(`share-${shareId.slice(0, 8)}`));
    expect(policy!.name).toBe(`tenant-${s.a.name}/share-${shareId.slice(0, 8)}`);
    expect(policy!.attributes).toMatchObject({ sourceTenant: s.b.name, fromPort: 5432 });
    expect((await s.shareRow(shareId)).cloudRefs).toHaveLength(2);
  });

  it("refuses to approve while the owner has another operation running, and changes nothing", async () => {
    const s = await shareSetup(database().db);
    const { db } = database();
    const shareId = await s.ask("bucket", "data", "read");
    await startTenantOperation(db, s.a.tenantId, "resource", { action: "create", kind: "bucket", name: "x" });
    await expect(decideShare(await s.within(s.aWriter, s.a.name), { shareId, decision: "approve" })).rejects.toThrow(
      `${s.a.name} has another operation running`,
    );
    expect((await s.shareRow(shareId)).state).toBe("requested");
  });

  it("lets B withdraw its own request at once, with nothing to remove", async () => {
    const s = await shareSetup(database().db);
    const shareId = await s.ask("bucket", "data", "read");
    expect(await revokeShare(await s.within(s.bWriter, s.b.name), { shareId })).toEqual({ operationId: null });
    expect((await s.shareRow(shareId)).state).toBe("revoked");
    const steps = await database().db.select().from(operationSteps).where(eq(operationSteps.tenantId, s.a.tenantId));
    expect(steps.some((step) => step.key.startsWith("share-"))).toBe(false);
  });

  it("lets an administrator create a share at once, approved and granted, and refuses anyone else", async () => {
    const s = await shareSetup(database().db);
    const input = {
      grantee: s.b.name,
      owner: s.a.name,
      kind: "bucket" as const,
      resource: "data",
      access: "read" as const,
    };
    await expect(createShare({ db: database().db, actor: s.aWriter, ip: null }, input)).rejects.toMatchObject({
      code: "not_found",
    });
    const { shareId, operationId } = await createShare({ db: database().db, actor: s.p.admin, ip: null }, input, {
      driver: s.driver,
    });
    expect(await s.shareRow(shareId)).toMatchObject({ state: "approving", decidedBy: s.p.admin.id });
    await s.p.run(operationId);
    expect(await s.shareRow(shareId)).toMatchObject({ state: "active" });
    expect(await s.cloud("bucket_grant")).toHaveLength(1);
    await expect(
      createShare({ db: database().db, actor: s.p.admin, ip: null }, input, { driver: s.driver }),
    ).rejects.toThrow(`${s.b.name} already has a share of bucket ${s.bucket}`);
  });
});
