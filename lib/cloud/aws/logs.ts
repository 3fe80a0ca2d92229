import type { CloudLogLine, CloudLogQuery } from "../contract";
import type { AwsContext } from "./clients";
import { InsightsTimeoutError, insightsTiming } from "./insights-queries";
import { advancePosition, decodeLogCursor, encodeLogCursor, startPosition } from "./log-cursor";
import { listTenantLogGroups, readLogGroupResource } from "./log-groups";
import { hashLogRow, matchesLogQuery, toLogLine } from "./log-lines";
import { queryOlderRows } from "./log-scan";

// Logs Insights over FilterLogEvents: Insights sorts newest first across all the groups and stops at
// the limit, while FilterLogEvents returns each group oldest first, so a newest-first page would mean
// reading the whole window of every group.
const maxRounds = 3;
// Text and level are matched here after a looser filter in the query, so a batch may lose many lines.
const filteredBatch = 1000;

/** One page of a tenant's lines, newest first; nextCursor continues with strictly older ones. */
export async function readTenantLogs(
  context: AwsContext,
  tenant: string,
  query: CloudLogQuery,
): Promise<{ lines: CloudLogLine[]; nextCursor: string | null }> {
  const groups = await listTenantLogGroups(context, tenant);
  const chosen =
    query.resource === undefined
      ? groups
      : groups.filter((group) => readLogGroupResource(tenant, group) === query.resource);
  if (chosen.length === 0 || query.limit < 1 || query.from > query.to) return { lines: [], nextCursor: null };
  const cursor = query.cursor ? decodeLogCursor(query.cursor) : undefined;
  let position = cursor && cursor.at <= query.to.getTime() ? cursor : startPosition(query.to);
  const batch = query.text || query.level ? Math.max(query.limit + 1, filteredBatch) : query.limit + 1;
  const deadline = Date.now() + insightsTiming.deadlineMs;
  const lines: CloudLogLine[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const scan = await queryOlderRows(context, tenant, chosen, query, position, batch, deadline).catch(
      (error: unknown) => {
        if (round > 0 && error instanceof InsightsTimeoutError) return null;
        throw error;
      },
    );
    if (!scan) break;
    const skip = { at: position.at, hashes: [...position.passed] };
    for (const row of scan.rows) {
      if (row.at > skip.at || row.at < query.from.getTime()) continue;
      const passedIndex = row.at === skip.at ? skip.hashes.indexOf(hashLogRow(row)) : -1;
      if (passedIndex >= 0) {
        skip.hashes.splice(passedIndex, 1);
        continue;
      }
      const matches = matchesLogQuery(row, query);
      if (matches && lines.length === query.limit) return { lines, nextCursor: encodeLogCursor(position) };
      position = advancePosition(position, row);
      if (matches) lines.push(toLogLine(row));
    }
    if (scan.complete) return { lines, nextCursor: null };
  }
  // Out of rounds or time: the page may be short, and the cursor continues after the last line looked at.
  return { lines, nextCursor: encodeLogCursor(position) };
}
