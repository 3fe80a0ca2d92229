import { and, eq } from "drizzle-orm";
import { networkRules, tenants, type Tenant } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/policy";
import type { CloudDriver } from "@/lib/cloud/contract";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { findTenantConstruct } from "@/lib/provisioning/constructs";
import { cloudObjectsOf } from "@/lib/provisioning/network-rule-objects";
import { withRetry, type RetryPolicy } from "@/lib/provisioning/retry";
import type { AddNetworkRuleInput } from "./rule-input";
import { tenantNetwork } from "./tenant-cloud";

type Options = { driver?: CloudDriver; retry?: RetryPolicy };

/** Records the rule and its audit event, then makes its two cloud objects; a cloud failure is kept on the rule. */
export async function addNetworkRule(
  ctx: TenantServiceContext<"id" | "name" | "status" | "infrastructureId">,
  input: AddNetworkRuleInput,
  options: Options = {},
) {
  const { db, tenant } = ctx;
  if (tenant.status !== "ready") throw new InvalidInputError("Rules can be added once the tenant is ready.");
  let source: Tenant | undefined;
  if (input.sourceTenant) {
    [source] = await db
      .select()
      .from(tenants)
      .where(and(eq(tenants.name, input.sourceTenant), eq(tenants.status, "ready")));
    // A tenant the user cannot see answers like one that does not exist.
    if (!source || !can(ctx.actor, "tenant:read", source.id))
      throw new NotFoundError("That source tenant does not exist.");
    if (source.id === tenant.id) throw new InvalidInputError("A tenant already reaches itself; choose another source.");
    if (source.infrastructureId !== tenant.infrastructureId)
      throw new InvalidInputError("Both tenants must live in the same infrastructure.");
  }
  const rule = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkRules)
      .values({
        tenantId: tenant.id,
        sourceTenantId: source?.id ?? null,
        cidr: input.cidr ?? null,
        protocol: input.protocol,
        fromPort: input.fromPort ?? null,
        toPort: input.toPort ?? input.fromPort ?? null,
        createdBy: ctx.actor.id,
      })
      .returning();
    const from = source ? `tenant ${source.name}` : input.cidr;
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "network_rule.add",
      tenantId: tenant.id,
      target: from,
      details: { protocol: input.protocol, fromPort: input.fromPort, toPort: input.toPort },
      ip: ctx.ip,
    });
    return row!;
  });

  const target = await tenantNetwork(db, tenant, options.driver);
  const sourceGroupId = source ? (await findTenantConstruct(db, source.id, "security-group"))?.id : undefined;
  const made: { kind: string; name: string; id: string }[] = [];
  try {
    const specs = cloudObjectsOf(rule, {
      tenant: tenant.name,
      namespace: target.namespace ?? `tenant-${tenant.name}`,
      groupId: target.groupId,
      sourceTenant: source?.name,
      sourceGroupId,
    });
    for (const spec of specs.filter((s) => target.driver.supports?.(s.kind) ?? true)) {
      const ref = await withRetry(() => target.driver.ensure(spec), options.retry);
      made.push({ kind: ref.kind, name: ref.name, id: ref.id });
    }
    await db.update(networkRules).set({ state: "active", cloudRefs: made }).where(eq(networkRules.id, rule.id));
  } catch (error) {
    await db
      .update(networkRules)
      .set({ state: "failed", error: (error as Error).message, cloudRefs: made })
      .where(eq(networkRules.id, rule.id));
  }
  return { ruleId: rule.id };
}
