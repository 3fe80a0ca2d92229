import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets } from "@/db/schema";
import { tenantCostSummary } from "@/lib/billing/cost-queries";
import { evaluateBudget } from "@/lib/billing/evaluate-budgets";
import { cents } from "@/lib/billing/forecast";
import { removeBudget, setBudget } from "@/lib/billing/manage-budget";
import { defineApiRoute } from "../define-route";
import { budgetAnswer, budgetBody } from "../schemas/budget";

const today = () => new Date().toISOString().slice(0, 10);

async function currentBudget(db: Db, tenantId: string) {
  const [budget] = await db.select().from(budgets).where(eq(budgets.tenantId, tenantId));
  if (!budget) return { budget: null };
  const { month, monthToDate, forecast } = await tenantCostSummary(db, tenantId, today());
  return {
    budget: {
      monthlyAmount: budget.monthlyAmount,
      currency: "USD" as const,
      thresholds: budget.thresholds,
      updatedAt: budget.updatedAt.toISOString(),
      month,
      monthToDate: cents(monthToDate),
      forecast: cents(forecast),
    },
  };
}

export const getBudget = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/budget",
  tag: "Billing",
  summary: "The tenant's monthly budget",
  description: "With this month's spend so far and its forecast.",
  response: budgetAnswer,
  handle: ({ db, tenant }) => currentBudget(db, tenant.id),
});

export const putBudget = defineApiRoute({
  operation: "PUT /api/v1/tenants/[tenant]/budget",
  tag: "Billing",
  summary: "Set the tenant's monthly budget",
  description:
    "Replaces the budget. A threshold already crossed this month warns at once (an alert, sent to the tenant's channels).",
  body: budgetBody,
  response: budgetAnswer,
  errors: [403, 422],
  async handle(ctx, { body }) {
    // What the setBudget action does: the same input, then an evaluation against this month's spend.
    await setBudget(ctx, { ...body, tenant: ctx.tenant.name });
    await evaluateBudget(ctx.db, ctx.tenant.id, today());
    return currentBudget(ctx.db, ctx.tenant.id);
  },
});

export const deleteBudget = defineApiRoute({
  operation: "DELETE /api/v1/tenants/[tenant]/budget",
  tag: "Billing",
  summary: "Remove the tenant's budget",
  description: "Removing a budget that is not there changes nothing.",
  response: budgetAnswer,
  errors: [403, 422],
  async handle(ctx) {
    await removeBudget(ctx);
    return { budget: null };
  },
});
