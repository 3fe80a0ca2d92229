import { and, eq, sql } from "drizzle-orm";
import {
  alertRules,
  budgets,
  notificationChannels,
  operations,
  operationSteps,
  ssoGroupMappings,
  type TemplateRows,
  type Tenant,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { LeaseLostError } from "./lease";
import type { RunContext } from "./run-context";
import { openStepLog } from "./open-step-log";
import { recordIntent } from "./step-log";

export const templateRowsStep = "template-rows";

/**
 * The template's rows in the portal's database — alert rules, budget, channels, group mappings —
 * with their audit event and the step's success, in one transaction held under the lease: a crash
 * before it commits leaves nothing, a run after it finds the step done.
 */
export async function applyTemplateRows(ctx: RunContext, tenant: Tenant, rows: TemplateRows): Promise<void> {
  await ctx.hooks?.beforeStep?.(templateRowsStep);
  const step = and(eq(operationSteps.operationId, ctx.operationId), eq(operationSteps.key, templateRowsStep));
  const [existing] = await ctx.db.select().from(operationSteps).where(step);
  if (existing?.state === "succeeded") return;
  if (!existing) await openStepLog(ctx.db, ctx, tenant.id, [templateRowsStep]);
  await recordIntent(ctx.db, ctx, templateRowsStep, null);
  await ctx.db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: operations.id })
      .from(operations)
      .where(
        and(
          eq(operations.id, ctx.operationId),
          eq(operations.leaseOwner, ctx.workerId),
          eq(operations.state, "running"),
        ),
      )
      .for("update");
    if (!held) throw new LeaseLostError(`Worker ${ctx.workerId} lost the lease on operation ${ctx.operationId}.`);
    const tenantId = tenant.id;
    if (rows.alertRules.length) await tx.insert(alertRules).values(rows.alertRules.map((r) => ({ ...r, tenantId })));
    if (rows.budget)
      await tx
        .insert(budgets)
        .values({ tenantId, ...rows.budget })
        .onConflictDoNothing();
    if (rows.channels.length)
      await tx.insert(notificationChannels).values(rows.channels.map((c) => ({ ...c, tenantId })));
    if (rows.groupMappings.length)
      await tx
        .insert(ssoGroupMappings)
        .values(rows.groupMappings.map((m) => ({ ...m, tenantId })))
        .onConflictDoNothing();
    const result = {
      alertRules: rows.alertRules.length,
      budget: Boolean(rows.budget),
      channels: rows.channels.length,
      channelsToFillIn: rows.channelsToFillIn,
      groupMappings: rows.groupMappings.length,
      toReapprove: rows.toReapprove,
    };
    await recordAudit(tx, {
      actorId: null,
      action: "template.applied",
      tenantId,
      target: tenant.name,
      details: result,
    });
    await ctx.hooks?.afterCloudCall?.(templateRowsStep);
    await tx
      .update(operationSteps)
      .set({ state: "succeeded", result, finishedAt: sql`now()` })
      .where(step);
  });
}
