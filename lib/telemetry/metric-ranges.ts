// Apart from the metrics input schema, so the browser's range picker does not load zod.
export const metricRanges = { "1h": 3_600_000, "6h": 21_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;
export type MetricRange = keyof typeof metricRanges;
