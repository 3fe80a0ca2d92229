import type { Db } from "@/db/client";
import type { Infrastructure } from "@/db/schema";
import { driverFor } from "@/lib/cloud";

export type Connectivity = { ok: boolean; detail: string };

/** Asks the driver the engine would use (for aws: the account and its cluster) whether its cloud answers; never throws. */
export async function checkInfrastructureConnectivity(db: Db, infrastructure: Infrastructure): Promise<Connectivity> {
  try {
    return await (await driverFor(db, infrastructure)).checkConnectivity();
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The same check, given up after timeoutMs so a page that shows it stays fast when a cloud hangs. */
export async function checkInfrastructureConnectivityWithin(
  db: Db,
  infrastructure: Infrastructure,
  timeoutMs = 3_000,
): Promise<Connectivity> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Connectivity>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `No answer within ${timeoutMs / 1000} s.` }), timeoutMs);
  });
  try {
    return await Promise.race([checkInfrastructureConnectivity(db, infrastructure), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
