import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";

export const setBudgetInput = z.object({
  tenant: tenantRef,
  monthlyAmount: z.coerce
    .number({ error: "The budget is an amount in USD." })
    .refine(Number.isFinite, "The budget is an amount in USD.")
    .positive("The budget must be more than 0.")
    .max(10_000_000, "The budget is at most 10,000,000 USD a month."),
  thresholds: z
    .array(
      z.coerce
        .number({ error: "Thresholds are percentages such as 50, 80, 100." })
        .int("Thresholds are whole percentages.")
        .min(1, "A threshold is at least 1%.")
        .max(200, "A threshold is at most 200%."),
      { error: "Give the thresholds as percentages, such as 50, 80, 100." },
    )
    .min(1, "Give at least one threshold.")
    .max(6, "At most 6 thresholds.")
    .refine((t) => new Set(t).size === t.length, "Each threshold once."),
});
export type SetBudgetInput = z.infer<typeof setBudgetInput>;

export const removeBudgetInput = z.object({ tenant: tenantRef });
