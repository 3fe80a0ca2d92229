import { z } from "zod";
import { alertSource } from "@/db/schema";
import { alertSeverities, alertStates } from "@/lib/alerts/alert-input";
import { pageOf, pageQuery } from "../schemas/page";

export const alertListQuery = pageQuery.extend({
  state: z
    .enum([...alertStates, "unresolved", "all"], {
      error: "state is one of open, acknowledged, resolved, unresolved, all.",
    })
    .default("unresolved"),
  severity: z.enum(alertSeverities, { error: "severity is one of info, warning, critical." }).optional(),
});

const at = z.iso.datetime({ offset: true }).nullable();
export const apiAlert = z
  .object({
    id: z.uuid(),
    title: z.string(),
    source: z
      .enum(alertSource.enumValues)
      .meta({ description: "rule (an alert rule), cloud (an alarm the cloud raised) or budget (a budget threshold)." }),
    ruleId: z.uuid().nullable().meta({ description: "The alert rule that opened it, while that rule exists." }),
    severity: z.enum(alertSeverities),
    resource: z.string().nullable(),
    state: z.enum(alertStates),
    value: z
      .number()
      .nullable()
      .meta({ description: "The value that crossed the rule's threshold, where there is one." }),
    openedAt: z.iso.datetime({ offset: true }),
    acknowledgedAt: at,
    acknowledgedBy: z.string().nullable().meta({ description: "Who acknowledged it, by name." }),
    resolvedAt: at,
    resolvedBy: z
      .string()
      .nullable()
      .meta({ description: "Who resolved it, by name; null when its condition cleared." }),
  })
  .meta({ id: "Alert", description: "Something wrong with a resource of the tenant, and what people did about it." });

export const alertList = pageOf(apiAlert).meta({ id: "AlertList" });
export const alertPath = z.object({ alert: z.uuid() });
export const changedAlert = z.object({ alert: apiAlert }).meta({ id: "ChangedAlert" });
