import {
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
  type ResultField,
} from "@aws-sdk/client-cloudwatch-logs";
import { TransientCloudError, type CloudLogQuery } from "../contract";
import type { AwsContext } from "./clients";
import { normalizeLogLevel } from "./log-lines";

/** Poll intervals and the bound on one readLogs call; tests shorten them. */
export const insightsTiming = { firstPollMs: 200, maxPollMs: 1000, deadlineMs: 20_000 };

/** The query ran out of the time a page may take; a page that already has lines returns them instead. */
export class InsightsTimeoutError extends TransientCloudError {}

const levelPatterns: Record<string, string> = { debug: "(debug|trace)", warn: "warn", error: "(error|fatal|critical)" };

/**
 * Only numbers we computed and [A-Za-z0-9] runs of the user's text reach the query, so nothing typed
 * can end a string or a regex or add a command. The runs narrow the scan; the exact text match is ours.
 */
export function buildInsightsQuery(
  window: { fromMs: number; toMs: number },
  filters: Pick<CloudLogQuery, "text" | "level">,
  limit: number,
): string {
  const words = [...new Set(filters.text?.match(/[A-Za-z0-9]+/g) ?? [])].slice(0, 10);
  const level = filters.level ? levelPatterns[normalizeLogLevel(filters.level)] : undefined;
  const conditions = [
    `toMillis(@timestamp) >= ${Math.trunc(window.fromMs)}`,
    `toMillis(@timestamp) <= ${Math.trunc(window.toMs)}`,
    ...words.map((word) => `@message like /(?i)${word}/`),
    ...(level ? [`@message like /(?i)${level}/`] : []),
  ];
  return [
    `fields @timestamp, @message, @log, @logStream`,
    `filter ${conditions.join(" and ")}`,
    `sort @timestamp desc`,
    `limit ${Math.trunc(limit)}`,
  ].join(" | ");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a query and polls until it completes; stops it and gives up at the deadline. */
export async function runInsightsQuery(
  { clients }: AwsContext,
  request: { logGroupNames: string[]; startTime: number; endTime: number; queryString: string },
  deadline: number,
): Promise<ResultField[][]> {
  const { queryId } = await clients.logs.send(new StartQueryCommand(request));
  if (!queryId) throw new TransientCloudError("CloudWatch Logs did not start the log query.");
  let wait = insightsTiming.firstPollMs;
  for (;;) {
    const page = await clients.logs.send(new GetQueryResultsCommand({ queryId }));
    if (page.status === "Complete")
      return readRemainingPages(clients.logs, queryId, page.results ?? [], page.nextToken);
    if (page.status !== "Running" && page.status !== "Scheduled") {
      throw new TransientCloudError(`The CloudWatch Logs Insights query ended as ${page.status ?? "unknown"}.`);
    }
    if (Date.now() + wait > deadline) {
      await stopQuietly(clients.logs, queryId);
      throw new InsightsTimeoutError("CloudWatch Logs took too long to search these logs; try a shorter time range.");
    }
    await sleep(wait);
    wait = Math.min(wait * 2, insightsTiming.maxPollMs);
  }
}

// Best effort: a query nobody reads only costs until it ends on its own.
async function stopQuietly(logs: CloudWatchLogsClient, queryId: string): Promise<void> {
  try {
    await logs.send(new StopQueryCommand({ queryId }));
  } catch {}
}

async function readRemainingPages(
  logs: CloudWatchLogsClient,
  queryId: string,
  results: ResultField[][],
  nextToken: string | undefined,
) {
  const all = [...results];
  while (nextToken) {
    const page = await logs.send(new GetQueryResultsCommand({ queryId, nextToken }));
    all.push(...(page.results ?? []));
    nextToken = page.nextToken;
  }
  return all;
}
