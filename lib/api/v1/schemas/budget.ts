import { z } from "zod";
import { setBudgetInput } from "@/lib/billing/budget-input";

export const budgetBody = setBudgetInput.omit({ tenant: true }).meta({
  id: "BudgetInput",
  description:
    "A monthly amount in USD, and the percentages of it (1 to 200) at which the tenant's channels are warned.",
});

export const budgetAnswer = z
  .object({
    budget: z
      .object({
        monthlyAmount: z.number(),
        currency: z.literal("USD"),
        thresholds: z.array(z.number().int()),
        updatedAt: z.iso.datetime(),
        month: z.string().meta({ description: "This month, YYYY-MM." }),
        monthToDate: z.number().meta({ description: "What the tenant has cost this month so far." }),
        forecast: z.number().meta({ description: "Month-to-date plus the last 7 days' average to the month's end." }),
      })
      .nullable()
      .meta({ description: "null when the tenant has no budget." }),
  })
  .meta({ id: "Budget" });
