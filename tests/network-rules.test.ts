import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, localCloudResources, networkRules, tenantGrants, users } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { findTenantByName } from "@/lib/context/find-tenant";
import { addNetworkRule } from "@/lib/network/add-network-rule";
import { removeNetworkRule } from "@/lib/network/remove-network-rule";
import { addNetworkRuleInput } from "@/lib/network/rule-input";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser } from "./helpers/factory";
import { fastRetry, provisioningSetup } from "./helpers/provisioning";

describe("network rule input", () => {
  it.each([
    [
      { tenant: "a", protocol: "tcp", fromPort: 80 },
      "Allow either a source tenant or a CIDR, not both and not neither.",
    ],
    [
      { tenant: "a", cidr: "10.0.0.0/8", sourceTenant: "b", protocol: "tcp", fromPort: 80 },
      "Allow either a source tenant or a CIDR, not both and not neither.",
    ],
    [
      { tenant: "a", cidr: "10.0.0.300/8", protocol: "tcp", fromPort: 80 },
      "Give the CIDR as an IPv4 block such as 10.20.0.0/16.",
    ],
    [{ tenant: "a", cidr: "10.0.0.0/8", protocol: "tcp" }, "Give a port or a port range for TCP and UDP."],
    [
      { tenant: "a", cidr: "10.0.0.0/8", protocol: "tcp", fromPort: 443, toPort: 80 },
      "The range ends before it starts.",
    ],
    [{ tenant: "a", cidr: "10.0.0.0/8", protocol: "icmp" }, "Choose TCP, UDP or all traffic."],
    [{ tenant: "a", cidr: "10.0.0.0/8", protocol: "tcp", fromPort: 70000 }, "Ports run from 1 to 65535."],
  ])("refuses %o", (input, message) => {
    expect(addNetworkRuleInput.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe.each(testDatabases())("inter-tenant rules on $kind", (target) => {
  const database = useDatabase(target);

  async function twoReadyTenants() {
    const { db } = database();
    const p = await provisioningSetup(db);
    const [a, b] = [await p.create(), await p.create()];
    await p.run(a.operationId);
    await p.run(b.operationId);
    const driver = await p.engine().driverFor(null as never);
    return { db, p, a, b, ctx: { db, actor: p.admin, ip: null }, options: { driver, retry: fastRetry } };
  }
  /** What the action gives the service once the tenant in the URL is authorized. */
  const within = async <C extends { db: ReturnType<typeof database>["db"] }>(ctx: C, tenant: string) => ({
    ...ctx,
    tenant: (await findTenantByName(ctx.db, tenant))!,
  });
  const cloud = (db: ReturnType<typeof database>["db"], tenant: string, kind: string) =>
    db
      .select()
      .from(localCloudResources)
      .where(and(eq(localCloudResources.tenantTag, tenant), eq(localCloudResources.kind, kind)));

  it("allows a source tenant as a group rule and a NetworkPolicy, and removing it revokes both", async () => {
    const { db, a, b, ctx, options } = await twoReadyTenants();
    const { ruleId } = await addNetworkRule(
      await within(ctx, a.name),
      { tenant: a.name, sourceTenant: b.name, protocol: "tcp", fromPort: 5432 },
      options,
    );
    const [rule] = await db.select().from(networkRules).where(eq(networkRules.id, ruleId));
    expect(rule).toMatchObject({ state: "active", error: null, fromPort: 5432, toPort: 5432 });
    const [sgRule] = await cloud(db, a.name, "security_group_rule");
    expect(sgRule!.attributes).toMatchObject({ sourceTenant: b.name, protocol: "tcp", fromPort: 5432 });
    expect(sgRule!.attributes.sourceGroupId).toMatch(/^sg-/);
    expect((await cloud(db, a.name, "network_policy")).map((r) => r.name).sort()).toEqual([
      `tenant-${a.name}/allow-${ruleId.slice(0, 8)}`,
      `tenant-${a.name}/default-deny-other-namespaces`,
    ]);

    await removeNetworkRule(await within(ctx, a.name), { ruleId }, options);
    expect(await cloud(db, a.name, "security_group_rule")).toEqual([]);
    expect(await cloud(db, a.name, "network_policy")).toHaveLength(1);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.tenantId, a.tenantId))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["network_rule.add", "network_rule.remove"]));
  });

  it("answers a source tenant the user cannot see like a missing one, and a rule of another tenant like a missing one", async () => {
    const { db, a, b, ctx, options } = await twoReadyTenants();
    const writer = await createUser(db);
    await db.insert(tenantGrants).values({ tenantId: a.tenantId, userId: writer.id, level: "write" });
    const writerCtx = { db, actor: await loadActor(db, writer), ip: null };
    await expect(
      addNetworkRule(
        await within(writerCtx, a.name),
        { tenant: a.name, sourceTenant: b.name, protocol: "all" },
        options,
      ),
    ).rejects.toThrow("That source tenant does not exist.");
    const { ruleId } = await addNetworkRule(
      await within(ctx, b.name),
      { tenant: b.name, cidr: "10.1.0.0/16", protocol: "udp", fromPort: 53 },
      options,
    );
    await expect(removeNetworkRule(await within(writerCtx, a.name), { ruleId }, options)).rejects.toThrow(
      "That rule does not exist.",
    );
    expect(await db.select().from(networkRules).where(eq(networkRules.tenantId, a.tenantId))).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, writer.id))).toHaveLength(1);
  });

  it("takes the rules that let a tenant in along when that tenant is deleted", async () => {
    const { db, p, a, b, ctx, options } = await twoReadyTenants();
    await addNetworkRule(
      await within(ctx, a.name),
      { tenant: a.name, sourceTenant: b.name, protocol: "tcp", fromPort: 80, toPort: 90 },
      options,
    );
    const deletion = await startTenantOperation(db, b.tenantId, "delete");
    await p.run(deletion);
    expect(await db.select().from(networkRules).where(eq(networkRules.tenantId, a.tenantId))).toEqual([]);
    expect(await cloud(db, a.name, "security_group_rule")).toEqual([]);
    expect(await cloud(db, b.name, "security_group")).toEqual([]);
  });
});
