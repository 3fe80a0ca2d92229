import type { ResultField } from "@aws-sdk/client-cloudwatch-logs";
import type { CloudLogQuery } from "../contract";
import type { AwsContext } from "./clients";
import { buildInsightsQuery, runInsightsQuery } from "./insights-queries";
import type { LogPosition } from "./log-cursor";
import { readLogGroupResource } from "./log-groups";
import type { LogRow } from "./log-lines";

// StartQuery takes at most 50 log groups and returns at most 10,000 lines.
const groupsPerQuery = 50;
const maxLinesPerQuery = 10_000;

/**
 * The next `batch` lines at or before the position, newest first (plus the lines it already passed,
 * which the caller skips). `complete` says nothing older is left in the window.
 */
export async function queryOlderRows(
  context: AwsContext,
  tenant: string,
  logGroupNames: string[],
  query: CloudLogQuery,
  position: LogPosition,
  batch: number,
  deadline: number,
): Promise<{ rows: LogRow[]; complete: boolean }> {
  const limit = Math.min(maxLinesPerQuery, batch + position.passed.length);
  const queryString = buildInsightsQuery({ fromMs: query.from.getTime(), toMs: position.at }, query, limit);
  const window = {
    startTime: Math.floor(query.from.getTime() / 1000),
    endTime: Math.ceil(position.at / 1000),
    queryString,
  };
  const chunks: string[][] = [];
  for (let start = 0; start < logGroupNames.length; start += groupsPerQuery)
    chunks.push(logGroupNames.slice(start, start + groupsPerQuery));
  const answers = await Promise.all(
    chunks.map((names) => runInsightsQuery(context, { logGroupNames: names, ...window }, deadline)),
  );
  const perChunk = answers.map((results, index) => ({
    full: results.length >= limit,
    rows: results.flatMap((fields) => toLogRow(tenant, fields, chunks[index]!)),
  }));
  // A chunk cut off at its limit says nothing of lines older than its oldest, so no chunk's may be used past that.
  const floor = Math.max(
    ...perChunk.filter((chunk) => chunk.full).map((chunk) => Math.min(...chunk.rows.map((row) => row.at))),
  );
  const rows = perChunk.flatMap((chunk) => chunk.rows).filter((row) => row.at >= floor);
  return { rows: rows.sort((a, b) => b.at - a.at), complete: perChunk.every((chunk) => !chunk.full) };
}

function toLogRow(tenant: string, fields: ResultField[], logGroupNames: string[]): LogRow[] {
  const value = (name: string) => fields.find((field) => field.field === name)?.value;
  // Insights writes times as "2026-11-28 10:00:00.123", in UTC.
  const at = Date.parse(`${value("@timestamp")?.replace(" ", "T")}Z`);
  const log = value("@log");
  const group = log ? log.slice(log.indexOf(":") + 1) : logGroupNames.length === 1 ? logGroupNames[0] : undefined;
  if (Number.isNaN(at) || !group || !logGroupNames.includes(group)) return [];
  return [
    {
      at,
      resource: readLogGroupResource(tenant, group),
      stream: value("@logStream") ?? "",
      message: (value("@message") ?? "").replace(/\r?\n$/, ""),
    },
  ];
}
