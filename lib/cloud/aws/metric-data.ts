import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { AwsContext } from "./clients";

export type MetricDefinition = { namespace: string; metricName: string; stat: string; dimensionName: string };
type Window = { from: Date; to: Date; periodSeconds: number };

// GetMetricData takes at most 500 queries per call.
const queriesPerCall = 500;

/** One series per dimension value, [time in ms, value] in time order; a resource without data has none. */
export async function fetchMetricSeries(
  { clients }: AwsContext,
  definition: MetricDefinition,
  dimensions: string[],
  window: Window,
) {
  const series = new Map<string, [number, number][]>();
  for (let start = 0; start < dimensions.length; start += queriesPerCall) {
    const chunk = dimensions.slice(start, start + queriesPerCall);
    const MetricDataQueries: MetricDataQuery[] = chunk.map((value, index) => ({
      Id: `m${index}`,
      MetricStat: {
        Metric: {
          Namespace: definition.namespace,
          MetricName: definition.metricName,
          Dimensions: [{ Name: definition.dimensionName, Value: value }],
        },
        Period: window.periodSeconds,
        Stat: definition.stat,
      },
      ReturnData: true,
    }));
    let NextToken: string | undefined;
    do {
      const page = await clients.cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries,
          StartTime: window.from,
          EndTime: window.to,
          ScanBy: "TimestampAscending",
          NextToken,
        }),
      );
      for (const result of page.MetricDataResults ?? []) {
        const dimension = chunk[Number(result.Id?.slice(1))];
        if (dimension === undefined) continue;
        const points = series.get(dimension) ?? [];
        result.Timestamps?.forEach((at, index) => {
          const value = result.Values?.[index];
          if (value !== undefined && Number.isFinite(value)) points.push([at.getTime(), value]);
        });
        series.set(dimension, points);
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
  return series;
}
