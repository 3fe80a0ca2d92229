import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations } from "@/db/schema";

/**
 * Hands every unfinished operation to the queue again at start: ones recorded without a job (the
 * demo seed) or whose job was lost. A duplicate job is harmless: it is retried while another
 * worker holds the operation's lease, and skipped once the operation has finished.
 */
export async function resumeUnfinishedOperations(db: Db, enqueue: (operationId: string) => Promise<void>): Promise<number> {
  const unfinished = await db.select({ id: operations.id }).from(operations).where(inArray(operations.state, ["pending", "running"]));
  for (const op of unfinished) await enqueue(op.id);
  return unfinished.length;
}
