import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CloudDriver } from "@/lib/cloud/contract";
import { listingError, listWithTimeout } from "@/lib/cloud/list-with-timeout";
import { saveInventory, type Listing } from "./save-inventory";

export type RefreshOutcome = "saved" | "failed" | "superseded";

async function databaseNow(db: Db): Promise<Date> {
  const result = await db.execute(sql`select now() as now`);
  const [row] = (result as unknown as { rows: { now: Date | string }[] }).rows;
  return new Date(row!.now);
}

/**
 * Lists the tenant's cloud and saves what it holds; a cloud that cannot be reached (or a driver
 * that cannot be made) is recorded as the tenant's last error, its last good rows kept. Only the
 * database failing throws. The next periodic listing comes nextInSeconds later.
 */
export async function refreshTenantInventory(
  db: Db,
  tenant: { id: string; name: string },
  driver: CloudDriver | Promise<CloudDriver>,
  nextInSeconds: number,
): Promise<RefreshOutcome> {
  const ready = Promise.resolve(driver);
  // Awaited below, after the clock is read: a driver that fails to be made must not count as unhandled meanwhile.
  ready.catch(() => {});
  const startedAt = await databaseNow(db);
  let listing: Listing;
  try {
    listing = { startedAt, resources: await listWithTimeout(await ready, tenant.name) };
  } catch (error) {
    listing = { startedAt, error: listingError(error) };
  }
  if (!(await saveInventory(db, tenant.id, listing, nextInSeconds))) return "superseded";
  return "error" in listing ? "failed" : "saved";
}
