import { GetCostAndUsageCommand, type GetCostAndUsageCommandInput } from "@aws-sdk/client-cost-explorer";
import { PermanentCloudError, tenantTagKey, type CloudCostDay } from "../contract";
import { requireTenantName, type AwsContext } from "./clients";

// Cost Explorer keeps 13 months of history plus the current month and refuses a window that starts
// earlier; 12 whole months back stays clear of that edge, and older days are dropped, not the read.
const historyMonths = 12;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Unblended cost (USD) by day and service for days in [from, to), only of what carries the tenant's tag. */
export async function readTenantDailyCosts(
  { clients }: AwsContext,
  tenant: string,
  from: string,
  to: string,
): Promise<CloudCostDay[]> {
  const Filter = {
    Tags: { Key: tenantTagKey, Values: [requireTenantName(tenant)], MatchOptions: ["EQUALS"] },
  } satisfies GetCostAndUsageCommandInput["Filter"];
  const window = clampCostWindow(from, to, new Date());
  if (!window) return [];
  const request = {
    TimePeriod: { Start: window.from, End: window.to },
    Granularity: "DAILY",
    Metrics: ["UnblendedCost"],
    GroupBy: [{ Type: "DIMENSION", Key: "SERVICE" }],
    Filter,
  } satisfies GetCostAndUsageCommandInput;
  // One day's groups can be split across pages, so amounts are added up per (day, service).
  const costs = new Map<string, CloudCostDay>();
  let NextPageToken: string | undefined;
  do {
    const page = await clients.costExplorer.send(new GetCostAndUsageCommand({ ...request, NextPageToken }));
    for (const result of page.ResultsByTime ?? []) {
      const day = result.TimePeriod?.Start;
      if (!day || day < window.from || day >= window.to) continue;
      for (const group of result.Groups ?? []) {
        const service = group.Keys?.[0];
        const amount = Number(group.Metrics?.UnblendedCost?.Amount);
        if (!service || !Number.isFinite(amount)) continue;
        const key = `${day} ${service}`;
        costs.set(key, { day, service, amount: (costs.get(key)?.amount ?? 0) + amount });
      }
    }
    NextPageToken = page.NextPageToken || undefined;
  } while (NextPageToken);
  return [...costs.values()].filter((cost) => cost.amount !== 0);
}

/** The part of [from, to) Cost Explorer can answer for: no older than `historyMonths`, no later than today. */
function clampCostWindow(from: string, to: string, now: Date): { from: string; to: string } | null {
  if (!isDay(from) || !isDay(to))
    throw new PermanentCloudError(`Cost days must be dates as YYYY-MM-DD; got ${from} and ${to}.`);
  const earliest = formatDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - historyMonths, 1));
  const tomorrow = formatDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = from < earliest ? earliest : from;
  const end = to > tomorrow ? tomorrow : to;
  return start < end ? { from: start, to: end } : null;
}

function isDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return dayPattern.test(value) && Number.isFinite(time) && formatDay(time) === value;
}

function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
