import { z } from "zod";
import { cloudMetrics } from "@/lib/cloud/contract";
import { metricsInput } from "@/lib/telemetry/metric-input";

export const metricsQuery = metricsInput.meta({
  description:
    "One metric (cpu when left out) of the whole tenant or one resource, over a range ending now (24h when left out) or from and to (at most 31 days), in at most `points` buckets.",
});

export const metricSeries = z
  .object({
    metric: z.enum(cloudMetrics),
    unit: z.string(),
    bucketSeconds: z.number().int().meta({ description: "The width of each point's bucket." }),
    series: z.array(
      z.object({
        resource: z.string().nullable().meta({ description: "The resource asked for; null for the whole tenant." }),
        points: z.array(
          z.object({
            at: z.iso.datetime({ offset: true }).meta({ description: "The start of the bucket." }),
            value: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "MetricSeries", description: "A metric's values, one per bucket; a bucket without data has no point." });
