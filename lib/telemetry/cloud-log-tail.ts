import type { Db } from "@/db/client";
import type { LogFilters, LogLineView } from "@/lib/cloud/contract";
import { searchTenantLogs, type TelemetryTenant } from "./tenant-telemetry";

const keyOf = (line: LogLineView) => `${line.at}|${line.resource}|${line.message}`;

/**
 * The live tail of a cloud's own logs, which have no row ids to follow: each poll asks for the
 * lines since the newest one seen and drops those already sent at that very instant.
 * Ids handed out grow with time (ms × 1000), so a reconnect's Last-Event-ID resumes near there.
 */
export function cloudLogTail(
  db: Db,
  tenant: TelemetryTenant,
  filters: LogFilters,
  afterId: number,
): () => Promise<LogLineView[]> {
  let since = afterId > 0 ? Math.floor(afterId / 1000) : Date.now();
  let sentAtSince = new Set<string>();
  let lastId = afterId;
  return async () => {
    const { lines } = await searchTenantLogs(db, tenant, {
      ...filters,
      from: new Date(since),
      to: new Date(),
      limit: 500,
    });
    const fresh = [...lines]
      .reverse()
      .filter(
        (line) => Date.parse(line.at) > since || (Date.parse(line.at) === since && !sentAtSince.has(keyOf(line))),
      );
    if (fresh.length === 0) return [];
    const newest = Date.parse(fresh.at(-1)!.at);
    const atNewest = fresh.filter((line) => Date.parse(line.at) === newest).map(keyOf);
    sentAtSince = new Set(newest === since ? [...sentAtSince, ...atNewest] : atNewest);
    since = newest;
    return fresh.map((line) => ({ ...line, id: (lastId = Math.max(lastId + 1, Date.parse(line.at) * 1000)) }));
  };
}
