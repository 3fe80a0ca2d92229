import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { templates } from "@/db/schema";
import { parseTemplateBody } from "@/lib/templates/template-body";
import { saveTemplateVersion } from "@/lib/templates/save-template";
import { saveTenantAsTemplate } from "@/lib/templates/create-from-template";
import { getTemplateVersion, listTemplates } from "@/lib/templates/template-queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { uniqueName } from "./helpers/factory";
import { provisioningSetup } from "./helpers/provisioning";
import { provisionSourceTenant } from "./helpers/template-source";

const body = (extra: Record<string, unknown> = {}) => ({
  infrastructureKind: "local",
  deletionProtection: false,
  resources: [
    { kind: "service", name: "web", image: "nginx:1.27", replicas: 2, port: 80, expose: true },
    { kind: "host", name: "db-host", size: "medium" },
    { kind: "bucket", name: "assets" },
  ],
  ...extra,
});

describe("a template's body", () => {
  it("answers the path of the first error", () => {
    const bad = body({
      resources: [
        { kind: "bucket", name: "ok" },
        { kind: "service", name: "web", image: "nginx", expose: true },
      ],
    });
    expect(parseTemplateBody(bad)).toEqual({
      ok: false,
      error: "resources.1.port: A service behind a load balancer needs the port it listens on.",
    });
    expect(
      parseTemplateBody(
        body({
          alertRules: [
            { name: "x", metric: "cpu", condition: "above", threshold: 1, windowMinutes: 0, severity: "info" },
          ],
        }),
      ),
    ).toEqual({ ok: false, error: "alertRules.0.windowMinutes: The window is at least 1 minute." });
    expect(parseTemplateBody(body({ quota: { memory: "lots" } }))).toMatchObject({
      error: "quota.memory: Memory is an amount such as 512Mi or 8Gi.",
    });
    expect(parseTemplateBody("{ not json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The template is not valid JSON/),
    });
  });

  it("refuses hosts and buckets on a Kubernetes-only infrastructure, naming the resource", () => {
    expect(parseTemplateBody(body({ infrastructureKind: "kubernetes" }))).toEqual({
      ok: false,
      error:
        "resources.1.kind: A kubernetes infrastructure has no hosts; remove db-host or choose another infrastructure kind.",
    });
  });

  it("drops the tenant a resource names and keeps the variants' defaults", () => {
    const parsed = parseTemplateBody(
      body({ resources: [{ kind: "service", name: "api", image: "api:1", tenant: "other" }] }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      body: { resources: [{ kind: "service", name: "api", replicas: 1, expose: false }] },
    });
    expect(parsed.ok && "tenant" in parsed.body.resources[0]!).toBe(false);
  });

  it("reads back what it exports", () => {
    const parsed = parseTemplateBody(body({ budget: { monthlyAmount: 100, thresholds: [80] } }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parseTemplateBody(JSON.stringify(parsed.body, null, 2))).toEqual(parsed);
  });
});

describe.each(testDatabases())("saving templates on $kind", (target) => {
  const database = useDatabase(target);
  const names: string[] = [];
  afterAll(async () => {
    if (names.length) await database().db.delete(templates).where(inArray(templates.name, names));
  });

  it("saves version 1, then version 2, and uses the latest unless a version is named", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const ctx = { db, actor: p.admin, ip: null };
    const name = uniqueName("tpl");
    names.push(name);
    expect(await saveTemplateVersion(ctx, { name, body: body() })).toEqual({ name, version: 1 });
    expect(await saveTemplateVersion(ctx, { name, body: body({ deletionProtection: true }) })).toEqual({
      name,
      version: 2,
    });
    expect((await getTemplateVersion(db, name))?.version).toBe(2);
    expect((await getTemplateVersion(db, name, 1))?.body).toMatchObject({ deletionProtection: false });
    const listed = (await listTemplates(db)).find((t) => t.name === name);
    expect(listed?.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses a bad body with its path and saves nothing", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const name = uniqueName("tpl");
    await expect(
      saveTemplateVersion(
        { db, actor: p.admin, ip: null },
        { name, body: body({ resources: [{ kind: "host", name: "big-host", size: "huge" }] }) },
      ),
    ).rejects.toThrow("resources.0.size: Choose a size: small, medium or large.");
    expect(await db.select().from(templates).where(eq(templates.name, name))).toEqual([]);
  });

  it("saves a tenant as it is: settings, resources, rows, channels without their secrets", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const source = await provisionSourceTenant(db, p);
    const name = uniqueName("tpl");
    names.push(name);
    await saveTenantAsTemplate({ db, actor: p.admin, ip: null }, { tenant: source.name, name });
    const saved = (await getTemplateVersion(db, name))!.body;
    expect(saved).toMatchObject({
      infrastructureKind: "local",
      quota: { pods: 10 },
      deletionProtection: false,
      resources: [
        { kind: "service", name: "api", image: "ghcr.io/enclave-demo/api:1.4", replicas: 2, port: 8080, expose: false },
        { kind: "bucket", name: "assets" },
        { kind: "host", name: "db-host", size: "medium" },
        { kind: "service", name: "web", image: "nginx:1.27", replicas: 2, port: 80, expose: true },
        { kind: "service", name: "worker", expose: false },
      ],
      alertRules: [{ name: "High CPU", threshold: 80 }],
      budget: { monthlyAmount: 500, thresholds: [50, 100] },
      channels: [
        { name: "chat", kind: "slack", target: "https://hooks.slack.com", targetToFillIn: true },
        { name: "ops mail", kind: "email", target: "ops@example.com", targetToFillIn: false },
      ],
      groupMappings: [{ group: `readers-${source.id}`, level: "read" }],
    });
    expect(JSON.stringify(saved)).not.toContain("secret-token");
  });
});
