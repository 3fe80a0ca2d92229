import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { infrastructures, localCloudResources, logLines, tenants } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { driverFor } from "@/lib/cloud";
import { InvalidCursorError } from "@/lib/cloud/contract";
import { describeCloud } from "@/lib/cloud/registry";
import { registerInfrastructureInput } from "@/lib/infrastructure/infrastructure-input";
import { registerInfrastructure } from "@/lib/infrastructure/register-infrastructure";
import { tenantLogTail } from "@/lib/telemetry/tenant-log-tail";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant, createUser, uniqueName } from "./helpers/factory";

const vpcMessage = "Give the VPC id, such as vpc-0a1b2c3d.";
const hour = { from: new Date(Date.now() - 3_600_000), to: new Date(), limit: 10 };

describe.each(testDatabases())("the driver registry, on $kind", (target) => {
  const database = useDatabase(target);
  const registered: string[] = [];
  afterAll(async () => {
    if (!registered.length) return;
    const { db } = database();
    await db.delete(localCloudResources).where(inArray(localCloudResources.infrastructureId, registered));
    const gone = db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.infrastructureId, registered));
    await db.delete(logLines).where(inArray(logLines.tenantId, gone));
    await db.delete(tenants).where(inArray(tenants.infrastructureId, registered));
    await db.delete(infrastructures).where(inArray(infrastructures.id, registered));
  });
  async function register(form: Record<string, string>) {
    const { db } = database();
    const ctx = { db, actor: await loadActor(db, await createUser(db, { role: "admin" })), ip: "203.0.113.7" };
    const { id } = await registerInfrastructure(ctx, registerInfrastructureInput.parse(form));
    registered.push(id);
    const [row] = await db.select().from(infrastructures).where(eq(infrastructures.id, id));
    return row!;
  }

  it("registers each kind with the config its driver reads, and opens it", async () => {
    const local = await register({ name: uniqueName("lab"), driver: "local", vpcId: "vpc-0a1b2c3d" });
    const aws = await register({
      name: uniqueName("prod"),
      driver: "aws",
      region: "eu-west-1",
      vpcId: "vpc-0a1b2c3d",
      clusterName: "prod",
      kubeconfig: "/etc/enclave/kubeconfig",
      hostImageId: "ami-0a1b2c3d",
    });
    const cluster = await register({ name: uniqueName("onprem"), driver: "kubernetes", kubeconfig: "/k/config" });
    expect(local).toMatchObject({ driver: "local", region: "local", config: {} });
    expect(aws.config).toEqual({
      vpcId: "vpc-0a1b2c3d",
      clusterName: "prod",
      kubeconfig: "/etc/enclave/kubeconfig",
      hostImageId: "ami-0a1b2c3d",
    });
    expect(cluster).toMatchObject({ region: "unspecified", config: { kubeconfig: "/k/config" } });
    for (const row of [local, aws, cluster])
      expect(typeof (await driverFor(database().db, row)).ensure).toBe("function");
  });

  it("refuses a config its kind's schema refuses, in the form and in the service", async () => {
    const form = { name: "eu-prod", driver: "aws", region: "eu-west-1", vpcId: "vpc-0a1b2c3d", clusterName: "prod" };
    const issue = registerInfrastructureInput.safeParse({ ...form, hostImageId: "image-1" }).error?.issues[0];
    expect(issue).toMatchObject({ path: ["hostImageId"], message: "Give the machine image id, such as ami-0a1b2c3d." });
    const { db } = database();
    const ctx = { db, actor: await loadActor(db, await createUser(db, { role: "admin" })), ip: "203.0.113.7" };
    const name = uniqueName("bad");
    const input = { name, driver: "aws" as const, region: "eu-west-1", config: { vpcId: "vpc-1", context: "x" } };
    await expect(registerInfrastructure(ctx, input)).rejects.toThrow(
      `Infrastructure "${name}" has an invalid configuration: vpcId: ${vpcMessage}`,
    );
  });

  it("names the infrastructure when its kind is unknown or its stored config invalid", async () => {
    const { db } = database();
    const infrastructure = await createInfrastructure(db);
    await expect(driverFor(db, { ...infrastructure, driver: "gcp" as never })).rejects.toThrow(
      `Infrastructure "${infrastructure.name}" has an unknown driver "gcp".`,
    );
    const [broken] = await db
      .update(infrastructures)
      .set({ driver: "aws", region: "eu-west-1", config: { context: "prod" } })
      .where(eq(infrastructures.id, infrastructure.id))
      .returning();
    await expect(driverFor(db, broken!)).rejects.toThrow(
      `Infrastructure "${infrastructure.name}" has an invalid configuration: vpcId: ${vpcMessage}`,
    );
  });

  it("opens a working local cloud whose telemetry lives in the portal's tables", async () => {
    const { db } = database();
    const row = await register({ name: uniqueName("lab"), driver: "local" });
    const tenant = await createTenant(db, { infrastructureId: row.id });
    const driver = await driverFor(db, row);
    expect(await driver.checkConnectivity()).toEqual({ ok: true, detail: "Local cloud in the portal's database" });
    const spec = {
      kind: "namespace" as const,
      name: `tenant-${tenant.name}`,
      tenant: tenant.name,
      idempotencyKey: "k",
    };
    const ref = await driver.ensure(spec);
    expect((await driver.listTenantResources(tenant.name)).map((r) => r.id)).toEqual([ref.id]);
    expect(await driver.readLogs!(tenant.name, hour)).toEqual({ lines: [], nextCursor: null });
    await expect(driver.readLogs!(tenant.name, { ...hour, cursor: "bm90LWEtY3Vyc29y" })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    expect(await driver.followLogs!.linesAfter(tenant.name, 0, {})).toEqual([]);
    expect(describeCloud(row.driver)?.simulatedTelemetry).toBe(true);
    expect(describeCloud("aws")?.simulatedTelemetry).toBe(false);
    await driver.remove({ ...ref, tenant: tenant.name });
  });

  it("tails a simulated cloud's table by line id, every second", async () => {
    const { db } = database();
    const row = await register({ name: uniqueName("lab"), driver: "local" });
    const tenant = await createTenant(db, { infrastructureId: row.id });
    const tail = await tenantLogTail(db, { ...tenant, driver: row.driver }, { level: "error" }, undefined);
    expect(tail.everyMs).toBe(1000);
    const line = { tenantId: tenant.id, at: new Date(), resource: "web", message: "upstream failed" };
    await db.insert(logLines).values([
      { ...line, level: "info" },
      { ...line, level: "error" },
    ]);
    expect((await tail.poll(tail.after)).map((l) => [l.level, l.message])).toEqual([["error", "upstream failed"]]);
  });
});
