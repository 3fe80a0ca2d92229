import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";

/**
 * Records the operation that grants or revokes the share, on the owner tenant, in the caller's
 * transaction. The owner runs one operation at a time, so a busy owner answers a clear conflict.
 */
export async function startShareOperation(tx: Db, owner: { id: string; name: string }, shareId: string) {
  let operationId: string;
  try {
    operationId = await startTenantOperation(tx, owner.id, "share");
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    throw new ConflictError(
      `${owner.name} has another operation running (a resource or its own provisioning); try again once it finishes.`,
    );
  }
  await tx.update(operations).set({ shareId }).where(eq(operations.id, operationId));
  return operationId;
}
