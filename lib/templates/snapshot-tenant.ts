import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  alertRules,
  budgets,
  infrastructures,
  networkRules,
  notificationChannels,
  ssoGroupMappings,
  tenants,
  type Tenant,
} from "@/db/schema";
import { driverFor } from "@/lib/cloud";
import { InvalidInputError } from "@/lib/errors";
import { maskTarget } from "@/lib/notifications/mask-target";
import { describeTenantResources } from "./snapshot-resources";
import { describeTenantShares } from "./snapshot-shares";
import { describeFirstIssue, templateBody, type TemplateBody } from "./template-body";

const source = alias(tenants, "source");
const days = (from: Date, to: Date) => Math.max(1, Math.round((to.getTime() - from.getTime()) / 86_400_000));

/** A channel's URL keeps only scheme and host: its path or query is its secret, filled in again by hand. */
function describeChannel(c: typeof notificationChannels.$inferSelect) {
  const masked = maskTarget(c.kind, c.target);
  const secretLeftOut = c.kind !== "email" && masked !== c.target && masked.endsWith("/…");
  const target = secretLeftOut ? masked.slice(0, -2) : c.target;
  return { name: c.name, kind: c.kind, target, targetToFillIn: secretLeftOut };
}

/** The tenant as a template: its settings, what its cloud holds now, and its rows in the portal. */
export async function snapshotTenant(db: Db, tenant: Tenant): Promise<TemplateBody> {
  const [infrastructure] = await db
    .select()
    .from(infrastructures)
    .where(eq(infrastructures.id, tenant.infrastructureId));
  const refs = await (await driverFor(db, infrastructure!)).listTenantResources(tenant.name);
  const [rules, [budget], channels, mappings, network, shared] = await Promise.all([
    db.select().from(alertRules).where(eq(alertRules.tenantId, tenant.id)).orderBy(asc(alertRules.name)),
    db.select().from(budgets).where(eq(budgets.tenantId, tenant.id)),
    db
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.tenantId, tenant.id))
      .orderBy(asc(notificationChannels.name)),
    db
      .select()
      .from(ssoGroupMappings)
      .where(and(eq(ssoGroupMappings.tenantId, tenant.id), isNotNull(ssoGroupMappings.level))),
    db
      .select({ rule: networkRules, sourceName: source.name })
      .from(networkRules)
      .leftJoin(source, eq(source.id, networkRules.sourceTenantId))
      .where(eq(networkRules.tenantId, tenant.id)),
    describeTenantShares(db, tenant),
  ]);
  const parsed = templateBody.safeParse({
    infrastructureKind: infrastructure!.driver,
    quota: tenant.quota,
    expiresAfterDays: tenant.expiresAt ? days(tenant.createdAt, tenant.expiresAt) : null,
    deletionProtection: tenant.deletionProtection,
    resources: describeTenantResources(tenant.name, refs),
    alertRules: rules.map(({ name, metric, resource, condition, threshold, windowMinutes, severity }) => ({
      name,
      metric,
      resource,
      condition,
      threshold,
      windowMinutes,
      severity,
    })),
    budget: budget ? { monthlyAmount: budget.monthlyAmount, thresholds: budget.thresholds } : null,
    channels: channels.map(describeChannel),
    groupMappings: mappings.map((m) => ({ group: m.group, level: m.level })),
    networkRules: network.map(({ rule, sourceName }) => ({
      ...(sourceName ? { sourceTenant: sourceName } : { cidr: rule.cidr }),
      protocol: rule.protocol,
      ...(rule.fromPort !== null ? { fromPort: rule.fromPort } : {}),
      ...(rule.toPort !== null ? { toPort: rule.toPort } : {}),
    })),
    shares: shared,
  });
  if (!parsed.success)
    throw new InvalidInputError(`${tenant.name} cannot be saved as it is: ${describeFirstIssue(parsed.error)}`);
  return parsed.data;
}
