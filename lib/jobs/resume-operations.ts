import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations } from "@/db/schema";
import { isProvablyDead } from "@/lib/provisioning/worker-identity";

type ReviveJob = (operationId: string, holderDead: boolean) => Promise<void>;

/**
 * Makes sure every unfinished operation has a job that will run it: at start (ones recorded
 * without a job, like the demo seed's, or whose worker died) and periodically (a job whose retries
 * were spent). An operation a live worker holds is left to it; one whose lease lapsed, was
 * released or belongs to a dead worker gets its job revived (see reviveOperationJob); one resting
 * (a database on its way) is revived once its re-check is due.
 */
export async function resumeUnfinishedOperations(db: Db, revive: ReviveJob): Promise<number> {
  const unfinished = await db
    .select({
      id: operations.id,
      owner: operations.leaseOwner,
      leaseLapsed: sql<boolean>`coalesce(${operations.leaseUntil} < now(), true)`,
    })
    .from(operations)
    .where(inArray(operations.state, ["pending", "running"]));
  let unheld = 0;
  for (const op of unfinished) {
    const holderDead = op.owner !== null && isProvablyDead(op.owner);
    // Held by a live worker, or resting until its re-check (unheld, its lease time still ahead).
    if (!op.leaseLapsed && !holderDead) continue;
    unheld++;
    await revive(op.id, holderDead);
  }
  return unheld;
}
