import { z } from "zod";
import { cloudMetrics } from "@/lib/cloud/contract";
import { tenantRef } from "@/lib/context/tenant-ref";
import { listSort } from "@/lib/tables/list-sort";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const alertSeverities = ["info", "warning", "critical"] as const;
export const alertStates = ["open", "acknowledged", "resolved"] as const;

export const createAlertRuleInput = z.object({
  tenant: tenantRef,
  name: z
    .string({ error: "Give the rule a name." })
    .trim()
    .min(1, "Give the rule a name.")
    .max(80, "A rule name has at most 80 characters."),
  metric: z.enum(cloudMetrics, { error: `Choose a metric: ${cloudMetrics.join(", ")}.` }),
  resource: optional(z.string().trim().max(100, "That resource name is too long.")),
  condition: z.enum(["above", "below"], { error: "Choose above or below." }),
  threshold: z.coerce
    .number({ error: "The threshold is a number." })
    .refine(Number.isFinite, "The threshold is a number."),
  windowMinutes: z.coerce
    .number({ error: "The window is a number of minutes." })
    .int("The window is a whole number of minutes.")
    .min(1, "The window is at least 1 minute.")
    .max(1440, "The window is at most 1440 minutes (a day)."),
  severity: z.enum(alertSeverities, { error: "Choose a severity: info, warning or critical." }),
});
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleInput>;

export const alertRuleIdInput = z.object({ tenant: tenantRef, ruleId: z.uuid("Not a rule of this tenant.") });
export const setAlertRuleEnabledInput = alertRuleIdInput.extend({
  enabled: z.boolean({ error: "Enabled is on or off." }),
});
export const alertIdInput = z.object({ tenant: tenantRef, alertId: z.uuid("Not an alert of this tenant.") });

/** The alert list's filters and sort, from the URL: a value it cannot use falls back to the default. */
export const alertListQuery = z
  .object({
    state: optional(z.enum([...alertStates, "unresolved", "all"])).catch(undefined),
    severity: optional(z.enum(alertSeverities)).catch(undefined),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  })
  .extend(listSort(["openedAt", "severity", "state"], { sort: "openedAt", dir: "desc" }).shape);
export type AlertListQuery = z.infer<typeof alertListQuery>;
