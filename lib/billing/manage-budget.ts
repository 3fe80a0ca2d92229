import { and, eq } from "drizzle-orm";
import { budgetCrossings, budgets } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { monthBounds } from "./forecast";
import type { SetBudgetInput } from "./budget-input";

/** A new amount or set of thresholds is a new budget: this month's thresholds may fire again against it. */
export async function setBudget(
  ctx: TenantServiceContext<"id" | "name">,
  input: SetBudgetInput,
  today = new Date().toISOString().slice(0, 10),
) {
  const { tenant } = ctx;
  const thresholds = [...input.thresholds].sort((a, b) => a - b);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(budgets)
      .values({ tenantId: tenant.id, monthlyAmount: input.monthlyAmount, thresholds })
      .onConflictDoUpdate({
        target: budgets.tenantId,
        set: { monthlyAmount: input.monthlyAmount, thresholds, updatedAt: new Date() },
      });
    await tx
      .delete(budgetCrossings)
      .where(and(eq(budgetCrossings.tenantId, tenant.id), eq(budgetCrossings.month, monthBounds(today).month)));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "budget.set",
      tenantId: tenant.id,
      target: tenant.name,
      details: { monthlyAmount: input.monthlyAmount, thresholds },
      ip: ctx.ip,
    });
  });
}

/** Removing a budget that is not there (already removed in another tab) changes nothing and is not an error. */
export async function removeBudget(ctx: TenantServiceContext<"id" | "name">) {
  const { tenant } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx.delete(budgets).where(eq(budgets.tenantId, tenant.id)).returning();
    if (!removed) return;
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "budget.removed",
      tenantId: tenant.id,
      target: tenant.name,
      details: { monthlyAmount: removed.monthlyAmount },
      ip: ctx.ip,
    });
  });
}
