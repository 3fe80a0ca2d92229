import { generateKeyPairSync, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, infrastructures, operations, tenants } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { createLocalDriver } from "@/lib/cloud/local";
import {
  checkInfrastructureConnectivity,
  checkInfrastructureConnectivityWithin,
} from "@/lib/infrastructure/check-infrastructure-connectivity";
import { registerInfrastructureInput } from "@/lib/infrastructure/infrastructure-input";
import { registerInfrastructure } from "@/lib/infrastructure/register-infrastructure";
import { openSecret, sealSecret } from "@/lib/security/encryption";
import { requestTenantDeletion } from "@/lib/tenants/request-tenant-deletion";
import { retryTenantProvisioning } from "@/lib/tenants/retry-tenant-provisioning";
import { createTenantInput } from "@/lib/tenants/tenant-input";
import { updateTenantSettingsInput } from "@/lib/tenants/tenant-lifecycle-input";
import { updateTenantSettings } from "@/lib/tenants/update-tenant-settings";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, uniqueName } from "./helpers/factory";
import { countByKind, provisioningSetup } from "./helpers/provisioning";

const shape = "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.";
const reserved = "That name is reserved; choose another.";
const firstIssue = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues[0];
const oneOfEach = {
  security_group: 1,
  iam_role: 1,
  instance_profile: 1,
  kms_key: 1,
  kms_alias: 1,
  key_pair: 1,
  namespace: 1,
  service_account: 2,
  role_binding: 2,
  network_policy: 1,
  resource_quota: 1,
};
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe("tenant names", () => {
  it.each([
    ["Dev", shape],
    ["1dev", shape],
    ["dev-", shape],
    ["d", "A tenant name has at least 2 characters."],
    ["a".repeat(31), "A tenant name has at most 30 characters."],
    ["default", reserved],
    ["admin", reserved],
    ["system", reserved],
    ["kube-x", reserved],
  ])("refuses %s with a clear message", (name, message) => {
    const issue = firstIssue(createTenantInput.safeParse({ name, infrastructureId: randomUUID() }));
    expect(issue?.path).toEqual(["name"]);
    expect(issue?.message).toBe(message);
  });

  it("takes a good name, with deletion protection on unless told otherwise", () => {
    const parsed = createTenantInput.parse({ name: "team-a2", infrastructureId: randomUUID() });
    expect(parsed.deletionProtection).toBe(true);
  });
});

describe("settings and infrastructure input", () => {
  it.each([
    [{ tenant: "dev", expiresAt: new Date(Date.now() - 60_000).toISOString() }, "The expiry must be in the future."],
    [{ tenant: "dev", quota: { memory: "8GB" } }, "Memory is an amount such as 512Mi or 8Gi."],
    [{ tenant: "dev", quota: { pods: 0 } }, "Allow at least one pod."],
  ])("refuses settings %o", (input, message) => {
    expect(firstIssue(updateTenantSettingsInput.safeParse(input))?.message).toBe(message);
  });

  const aws = { name: "eu-prod", driver: "aws", region: "eu-west-1", vpcId: "vpc-0a1b2c3d", clusterName: "prod" };
  it.each([
    [{ ...aws, name: "EU prod" }, "name", shape],
    [{ ...aws, driver: "gcp" }, "driver", "Choose local, aws or kubernetes."],
    [{ ...aws, region: "" }, "region", "Give an AWS region such as eu-west-1."],
    [{ ...aws, region: "europe" }, "region", "Give an AWS region such as eu-west-1."],
    [{ ...aws, vpcId: "vpc-123" }, "vpcId", "Give the VPC id, such as vpc-0a1b2c3d."],
    [{ ...aws, clusterName: "" }, "clusterName", "Give the EKS cluster name or a kubeconfig context for the cluster."],
    [{ name: "onprem", driver: "kubernetes" }, "kubeconfigContext", "Give the kubeconfig context of the cluster."],
  ])("refuses infrastructure %o", (input, field, message) => {
    const issue = firstIssue(registerInfrastructureInput.safeParse(input));
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(message);
  });

  it("keeps only what each driver needs, in its config", () => {
    expect(registerInfrastructureInput.parse({ ...aws, kubeconfigContext: "" })).toEqual({
      name: "eu-prod",
      driver: "aws",
      region: "eu-west-1",
      config: { vpcId: "vpc-0a1b2c3d", clusterName: "prod", context: undefined },
    });
    expect(
      registerInfrastructureInput.parse({ name: "lab", driver: "local", region: "eu-west-1", vpcId: "x" }),
    ).toEqual({ name: "lab", driver: "local", region: "local", config: {} });
  });
});

describe("the tenant's PEM key at rest", () => {
  it("opens what it sealed, and refuses a tampered or foreign ciphertext", () => {
    vi.stubEnv("ENCLAVE_ENCRYPTION_KEY", "test-only-key");
    const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const sealed = sealSecret(pem);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(openSecret(sealed)).toBe(pem);
    expect(openSecret(sealed).startsWith("-----BEGIN PRIVATE KEY-----")).toBe(true);
    const raw = Buffer.from(sealed, "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(raw.toString("base64"))).toThrow();
    vi.stubEnv("ENCLAVE_ENCRYPTION_KEY", "another-key");
    expect(() => openSecret(sealed)).toThrow();
    vi.unstubAllEnvs();
  });
});

describe.each(testDatabases())("tenant lifecycle on $kind", (target) => {
  const database = useDatabase(target);
  const registered: string[] = [];
  // Registered after useDatabase, so it runs before the database closes.
  afterAll(async () => {
    if (registered.length) await database().db.delete(infrastructures).where(inArray(infrastructures.id, registered));
  });

  const auditOf = (db: Db, tenantId: string) =>
    db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.id);
  const tenantRow = async (db: Db, id: string) => (await db.select().from(tenants).where(eq(tenants.id, id)))[0]!;
  const operationsOf = (db: Db, tenantId: string) =>
    db.select().from(operations).where(eq(operations.tenantId, tenantId)).orderBy(operations.createdAt);

  async function setup() {
    const { db } = database();
    const [admin, tenant] = await Promise.all([createUser(db, { role: "admin" }), createTenant(db)]);
    return { db, tenant, ctx: { db, actor: await loadActor(db, admin), ip: "203.0.113.7" } };
  }

  it("changes protection, expiry and quota, and audits exactly what changed; asking again changes nothing", async () => {
    const { db, tenant, ctx } = await setup();
    const expiresAt = inAnHour();
    expect(
      await updateTenantSettings(ctx, {
        tenant: tenant.name,
        deletionProtection: false,
        expiresAt,
        quota: { cpu: "2", pods: 5 },
      }),
    ).toMatchObject({ changed: ["deletionProtection", "expiresAt", "quota"], operationId: expect.any(String) });
    // The quota's provisioning run, done: the next quota change starts another.
    await db.update(operations).set({ state: "succeeded" }).where(eq(operations.tenantId, tenant.id));
    const row = await tenantRow(db, tenant.id);
    expect([row.deletionProtection, row.expiresAt?.toISOString(), row.quota]).toEqual([
      false,
      expiresAt,
      { cpu: "2", pods: 5 },
    ]);

    expect(
      await updateTenantSettings(ctx, {
        tenant: tenant.name,
        deletionProtection: false,
        expiresAt,
        quota: { pods: 5, cpu: "2" },
      }),
    ).toEqual({ changed: [], operationId: null });
    expect(await updateTenantSettings(ctx, { tenant: tenant.name, expiresAt: null, quota: {} })).toMatchObject({
      changed: ["expiresAt", "quota"],
    });
    expect((await tenantRow(db, tenant.id)).quota).toBeNull();

    const events = await auditOf(db, tenant.id);
    expect(events.map((e) => e.action)).toEqual(["tenant.settings", "tenant.settings"]);
    expect(events[0]!.details).toMatchObject({
      deletionProtection: { from: true, to: false },
      expiresAt: { from: null, to: expiresAt },
      quota: { from: null, to: { cpu: "2", pods: 5 } },
    });
    expect(events[1]!.details).toMatchObject({
      expiresAt: { from: expiresAt, to: null },
      quota: { from: { cpu: "2", pods: 5 }, to: null },
    });
    expect(events.every((e) => e.actorId === ctx.actor.id && e.target === tenant.name && e.ip === "203.0.113.7")).toBe(
      true,
    );
  });

  it("changes settings only on a ready or failed tenant, and answers not-found for an unknown one", async () => {
    const { db, tenant, ctx } = await setup();
    for (const status of ["provisioning", "deleting"] as const) {
      await db.update(tenants).set({ status }).where(eq(tenants.id, tenant.id));
      await expect(updateTenantSettings(ctx, { tenant: tenant.name, deletionProtection: false })).rejects.toMatchObject(
        { code: "conflict" },
      );
    }
    await db.update(tenants).set({ status: "failed" }).where(eq(tenants.id, tenant.id));
    await updateTenantSettings(ctx, { tenant: tenant.name, deletionProtection: false });
    await expect(updateTenantSettings(ctx, { tenant: uniqueName("nope"), deletionProtection: false })).rejects.toThrow(
      "That tenant does not exist.",
    );
    expect((await auditOf(db, tenant.id)).map((e) => e.action)).toEqual(["tenant.settings"]);
  });

  it("refuses deletion while protected and with a wrong name, changing and auditing nothing", async () => {
    const { db, tenant, ctx } = await setup();
    await expect(requestTenantDeletion(ctx, { tenant: tenant.name, confirmName: tenant.name })).rejects.toThrow(
      "Turn off deletion protection first.",
    );
    await db.update(tenants).set({ deletionProtection: false }).where(eq(tenants.id, tenant.id));
    await expect(requestTenantDeletion(ctx, { tenant: tenant.name, confirmName: "something-else" })).rejects.toThrow(
      "Type the tenant name to confirm.",
    );
    expect((await tenantRow(db, tenant.id)).status).toBe("ready");
    expect(await operationsOf(db, tenant.id)).toEqual([]);
    expect(await auditOf(db, tenant.id)).toEqual([]);
  });

  it("starts a delete operation on request, answers a repeat as done, and forgets the tenant once deleted", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, name, operationId: provision } = await p.create();
    await p.run(provision);
    const ctx = { db, actor: p.admin, ip: null };

    const first = await requestTenantDeletion(ctx, { tenant: name, confirmName: name });
    expect((await tenantRow(db, tenantId)).status).toBe("deleting");
    const ops = await operationsOf(db, tenantId);
    expect(ops.map((o) => [o.kind, o.state])).toEqual([
      ["provision", "succeeded"],
      ["delete", "pending"],
    ]);
    expect(first).toEqual({ name, operationId: ops[1]!.id, alreadyDeleting: false });
    expect(await requestTenantDeletion(ctx, { tenant: name, confirmName: "" })).toEqual({
      ...first,
      alreadyDeleting: true,
    });
    expect((await auditOf(db, tenantId)).filter((e) => e.action === "tenant.delete_requested")).toHaveLength(1);

    await p.run(first.operationId!);
    expect((await tenantRow(db, tenantId)).status).toBe("deleted");
    expect(await p.resources({ name })).toEqual([]);
    await expect(requestTenantDeletion(ctx, { tenant: name, confirmName: name })).rejects.toThrow(
      "That tenant does not exist.",
    );
  });

  it("retries only a failed provisioning, and the retried run adopts what the failed one made", async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { faults: { namespace: { permanent: true } } });
    const { tenantId, name, operationId } = await p.create();
    const ctx = { db, actor: p.admin, ip: null };
    await expect(retryTenantProvisioning(ctx, { tenant: name })).rejects.toThrow(
      `Only a failed tenant can be retried; ${name} is provisioning.`,
    );
    await p.run(operationId);
    expect((await tenantRow(db, tenantId)).status).toBe("failed");

    const retry = await retryTenantProvisioning(ctx, { tenant: name });
    expect(await tenantRow(db, tenantId)).toMatchObject({ status: "provisioning", statusMessage: null });
    expect((await auditOf(db, tenantId)).map((e) => e.action)).toContain("tenant.provision_retry");
    await expect(retryTenantProvisioning(ctx, { tenant: name })).rejects.toMatchObject({ code: "conflict" });

    await p.run(retry.operationId, { driverFor: async () => createLocalDriver(db, p.infrastructure.id) });
    expect((await tenantRow(db, tenantId)).status).toBe("ready");
    expect(countByKind(await p.resources({ name }))).toEqual(oneOfEach);
  });

  it("does not retry a failed deletion as a provisioning", async () => {
    const { db, tenant, ctx } = await setup();
    await db.insert(operations).values({ tenantId: tenant.id, kind: "delete", state: "failed", error: "boom" });
    await db.update(tenants).set({ status: "failed" }).where(eq(tenants.id, tenant.id));
    await expect(retryTenantProvisioning(ctx, { tenant: tenant.name })).rejects.toThrow("was not a provisioning");
  });

  it("registers an infrastructure once, audited, and refuses a second of the same name", async () => {
    const { db, ctx } = await setup();
    const name = uniqueName("infra");
    const input = registerInfrastructureInput.parse({ name, driver: "kubernetes", kubeconfigContext: "kind-enclave" });
    const { id } = await registerInfrastructure(ctx, input);
    registered.push(id);
    await expect(registerInfrastructure(ctx, input)).rejects.toThrow(`An infrastructure named ${name} already exists.`);
    const [row] = await db.select().from(infrastructures).where(eq(infrastructures.id, id));
    expect(row).toMatchObject({ driver: "kubernetes", region: "unspecified", config: { context: "kind-enclave" } });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "infrastructure.register"), eq(auditEvents.target, name)));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ driver: "kubernetes", infrastructureId: id });
  });

  it("checks connectivity through each infrastructure's driver, within a time limit", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    expect(await checkInfrastructureConnectivity(db, p.infrastructure)).toEqual({
      ok: true,
      detail: "Local cloud in the portal's database",
    });
    // No kubeconfig or AWS credentials here: each answers with its error, or runs out of time, but never throws.
    const kubernetes = { ...p.infrastructure, driver: "kubernetes" as const, config: { context: "no-such-context" } };
    const aws = {
      ...p.infrastructure,
      driver: "aws" as const,
      region: "eu-west-1",
      config: { vpcId: "vpc-0a1b2c3d", context: "no-such-context" },
    };
    for (const infrastructure of [kubernetes, aws]) {
      const result = await checkInfrastructureConnectivityWithin(db, infrastructure, 500);
      expect(result.ok).toBe(false);
      expect(result.detail).not.toBe("");
    }
  });
});
