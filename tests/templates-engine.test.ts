import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  alertRules,
  auditEvents,
  budgets,
  infrastructures,
  notificationChannels,
  operationSteps,
  ssoGroupMappings,
  templates,
  tenants,
} from "@/db/schema";
import { provisionPlan } from "@/lib/provisioning/plan";
import { createTenantFromTemplate, createTenantLike, saveTenantAsTemplate } from "@/lib/templates/create-from-template";
import { saveTemplateVersion } from "@/lib/templates/save-template";
import { testDatabases, useDatabase } from "./helpers/databases";
import { uniqueName } from "./helpers/factory";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";
import { provisionSourceTenant } from "./helpers/template-source";

const constructKeys = provisionPlan({ name: "x", quota: { pods: 10 } }).map((s) => s.key);
const fleet = { workload: 3, load_balancer: 1, host: 1, bucket: 1 };
const newName = () => uniqueName("clone").replace(/[^a-z0-9-]/g, "");

describe.each(testDatabases())("tenants from templates on $kind", (target) => {
  const database = useDatabase(target);
  const names: string[] = [];
  afterAll(async () => {
    if (names.length) await database().db.delete(templates).where(inArray(templates.name, names));
  });
  const tenantNamed = async (name: string) =>
    (await database().db.select().from(tenants).where(eq(tenants.name, name)))[0]!;

  async function expectLikeTheSource(
    clone: typeof tenants.$inferSelect,
    p: Awaited<ReturnType<typeof provisioningSetup>>,
  ) {
    const { db } = database();
    expect(clone.status).toBe("ready");
    expect(countByKind(await p.resources(clone))).toEqual({ ...oneOfEach, ...fleet });
    const count = async (
      table: typeof alertRules | typeof budgets | typeof notificationChannels | typeof ssoGroupMappings,
    ) => (await db.select().from(table).where(eq(table.tenantId, clone.id))).length;
    expect([
      await count(alertRules),
      await count(budgets),
      await count(notificationChannels),
      await count(ssoGroupMappings),
    ]).toEqual([1, 1, 2, 1]);
  }

  it("makes the constructs, then the resources, then the rows, in one operation", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const ctx = { db, actor: p.admin, ip: null };
    const source = await provisionSourceTenant(db, p);
    const template = uniqueName("tpl");
    names.push(template);
    await saveTenantAsTemplate(ctx, { tenant: source.name, name: template });
    const name = newName();
    const { operationId } = await createTenantFromTemplate(ctx, {
      template,
      name,
      infrastructureId: p.infrastructure.id,
    });
    expect(await p.run(operationId)).toBe("finished");
    const clone = await tenantNamed(name);
    await expectLikeTheSource(clone, p);
    const steps = await db
      .select()
      .from(operationSteps)
      .where(eq(operationSteps.operationId, operationId))
      .orderBy(asc(operationSteps.finishedAt));
    const lastConstruct = Math.max(
      ...steps.filter((s) => constructKeys.includes(s.key)).map((s) => s.finishedAt!.getTime()),
    );
    const resourceSteps = steps.filter((s) => s.key.startsWith("resource:"));
    expect(resourceSteps.map((s) => s.key).sort()).toEqual([
      "resource:bucket:enclave-" + name + "-assets:create-bucket",
      "resource:host:db-host:create-host",
      "resource:service:api:create-workload",
      "resource:service:web:create-load-balancer",
      "resource:service:web:create-workload",
      "resource:service:worker:create-workload",
    ]);
    expect(resourceSteps.every((s) => s.startedAt!.getTime() >= lastConstruct)).toBe(true);
    expect(steps.at(-1)?.key).toBe("template-rows");
    const [channel] = await db
      .select()
      .from(notificationChannels)
      .where(and(eq(notificationChannels.tenantId, clone.id), eq(notificationChannels.name, "chat")));
    expect(channel).toMatchObject({ target: "https://hooks.slack.com", enabled: false });
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, clone.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "template.applied",
      "template.used",
      "tenant.create",
      "tenant.ready",
    ]);
  });

  it("refuses a template the chosen infrastructure cannot hold, and changes nothing", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const ctx = { db, actor: p.admin, ip: null };
    const template = uniqueName("tpl");
    names.push(template);
    await saveTemplateVersion(ctx, {
      name: template,
      body: {
        infrastructureKind: "local",
        resources: [
          { kind: "host", name: "box" },
          { kind: "service", name: "web", image: "nginx" },
        ],
      },
    });
    await db
      .update(infrastructures)
      .set({ driver: "kubernetes", region: "on-prem", config: { context: "test" } })
      .where(eq(infrastructures.id, p.infrastructure.id));
    const name = newName();
    await expect(
      createTenantFromTemplate(ctx, { template, name, infrastructureId: p.infrastructure.id }),
    ).rejects.toThrow(/cannot hold host box; choose an infrastructure that can/);
    expect(await db.select().from(tenants).where(eq(tenants.name, name))).toEqual([]);
  });

  it("clones a tenant after a crash at every step without doubling a resource or a row", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const ctx = { db, actor: p.admin, ip: null };
    const source = await provisionSourceTenant(db, p);
    const first = await createTenantLike(ctx, { tenant: source.name, name: newName() });
    await p.run(first.operationId);
    const keys = (await db.select().from(operationSteps).where(eq(operationSteps.operationId, first.operationId))).map(
      (s) => s.key,
    );
    expect(keys).toHaveLength(constructKeys.length + 7);
    for (const firstKey of keys) {
      const name = newName();
      // A bucket's step is keyed by its cloud name, which carries the tenant's.
      const crashStep = firstKey.replace(first.name, name);
      const { operationId } = await createTenantLike(ctx, { tenant: source.name, name });
      const crash = (key: string) => {
        if (key === crashStep) throw new Error(`simulated crash after ${key}`);
      };
      await expect(p.run(operationId, { hooks: { afterCloudCall: crash } }), crashStep).rejects.toThrow(
        "simulated crash",
      );
      expect(await p.run(operationId)).toBe("finished");
      await expectLikeTheSource(await tenantNamed(name), p);
    }
  });
});
