import { z } from "zod";
import { cloudMetrics, type CloudMetricName } from "@/lib/cloud/contract";
import { maxPoints, type MetricsQuery } from "./metric-queries";
import { metricRanges, type MetricRange } from "./metric-ranges";

export { metricRanges, type MetricRange };
const maxSpanMs = 31 * 86_400_000;

/** A metrics request (URL search params); a bare request means CPU over the last 24 hours. */
export const metricsInput = z
  .object({
    metric: z.enum(cloudMetrics, { error: `Choose a metric: ${cloudMetrics.join(", ")}.` }).default("cpu"),
    resource: z.string().trim().min(1).max(200, "That resource name is too long.").optional(),
    range: z
      .enum(Object.keys(metricRanges) as MetricRange[], {
        error: "Choose a range: 1h, 6h, 24h or 7d, or give from and to.",
      })
      .optional(),
    from: z.iso
      .datetime({ offset: true, error: "Give from as an ISO date-time, such as 2026-01-31T09:00:00Z." })
      .optional(),
    to: z.iso
      .datetime({ offset: true, error: "Give to as an ISO date-time, such as 2026-01-31T10:00:00Z." })
      .optional(),
    points: z.coerce
      .number({ error: "Points must be a number." })
      .int("Points must be a whole number.")
      .min(2, "Ask for at least 2 points.")
      .max(maxPoints, `Ask for at most ${maxPoints} points.`)
      .optional(),
  })
  .check((ctx) => {
    const { range, from, to } = ctx.value;
    const issue = (message: string): void => void ctx.issues.push({ code: "custom", message, input: ctx.value });
    if (range && (from || to)) return issue("Give either a range or from and to, not both.");
    if (!range && !from !== !to) return issue("Give both from and to for a custom range.");
    if (from && to) {
      const span = Date.parse(to) - Date.parse(from);
      if (span <= 0) return issue("The range must start before it ends.");
      if (span > maxSpanMs) return issue("A custom range may span at most 31 days.");
    }
  });

export type ParsedMetrics = { ok: true; query: MetricsQuery } | { ok: false; error: string };

/** The window a parsed request asks for, ending now unless it gives from and to. */
export function toMetricsQuery(parsed: z.output<typeof metricsInput>, now: Date): MetricsQuery {
  const { metric, resource, range, from, to, points } = parsed;
  const window =
    from && to
      ? { from: new Date(from), to: new Date(to) }
      : { from: new Date(now.getTime() - metricRanges[range ?? "24h"]), to: now };
  return { metric: metric as CloudMetricName, resource, ...window, points: points ?? maxPoints };
}

export function parseMetricsQuery(params: Record<string, string | undefined>, now: Date): ParsedMetrics {
  const parsed = metricsInput.safeParse(params);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid metrics request." };
  return { ok: true, query: toMetricsQuery(parsed.data, now) };
}
