"use server";

import { defineAction } from "@/lib/actions/define-action";
import { removeBudgetInput, setBudgetInput } from "@/lib/billing/budget-input";
import { evaluateBudget } from "@/lib/billing/evaluate-budgets";
import { removeBudget as remove, setBudget as set } from "@/lib/billing/manage-budget";

// A budget already crossed warns at once, not at the next cost sync.
export const setBudget = defineAction("setBudget", setBudgetInput, async (ctx, input) => {
  await set(ctx, input);
  await evaluateBudget(ctx.db, ctx.tenant.id, new Date().toISOString().slice(0, 10));
});
export const removeBudget = defineAction("removeBudget", removeBudgetInput, (ctx) => remove(ctx));
