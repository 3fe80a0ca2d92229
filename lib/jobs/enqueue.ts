import "server-only";
import { getJobQueue } from "./queue";

/** Hands a recorded operation to the job engine; call after the transaction that recorded it commits. */
export async function enqueueOperation(operationId: string): Promise<void> {
  const queue = await getJobQueue();
  await queue.enqueue(operationId);
}
