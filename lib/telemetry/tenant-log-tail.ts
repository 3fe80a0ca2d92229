import type { Db } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import type { LogFilters, LogLineView } from "@/lib/cloud/contract";
import { cloudLogTail } from "./cloud-log-tail";
import type { TelemetryTenant } from "./tenant-telemetry";

// A table of numbered lines is cheap to ask every second; a cloud's log API is billed and throttled.
const pollMs = { followed: 1000, polled: 5000 };

export type LogTail = { after: number; everyMs: number; poll: (afterId: number) => Promise<LogLineView[]> };

/**
 * The live tail of a tenant's logs from `resumeFrom` (a line id a client saw), else from now: by line id
 * where its cloud numbers its lines, else by polling the cloud's search for lines since the newest seen.
 */
export async function tenantLogTail(
  db: Db,
  tenant: TelemetryTenant,
  filters: LogFilters,
  resumeFrom: number | undefined,
): Promise<LogTail> {
  const follower = (await driverForInfrastructureId(db, tenant.infrastructureId)).followLogs;
  if (follower) {
    const after = resumeFrom || (await follower.latestLineId());
    return { after, everyMs: pollMs.followed, poll: (id) => follower.linesAfter(tenant.name, id, filters) };
  }
  const after = resumeFrom || Date.now() * 1000;
  return { after, everyMs: pollMs.polled, poll: cloudLogTail(db, tenant, filters, after) };
}
