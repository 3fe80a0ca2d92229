import "server-only";
import { createLogger } from "@/lib/observability/logger";
import { getJobQueue } from "./queue";

const logger = createLogger("jobs");

/**
 * Hands a recorded operation to the job engine; call after the transaction that recorded it
 * commits. By then the change is made, so a failed hand-over is logged rather than reported as
 * "nothing changed": the page shows the operation queued, and the operation sweep sends its job.
 */
export async function enqueueOperation(operationId: string): Promise<void> {
  try {
    await (await getJobQueue()).enqueue(operationId);
  } catch (error) {
    logger.error("enqueue failed", { operationId, error: error instanceof Error ? error.message : String(error) });
  }
}
