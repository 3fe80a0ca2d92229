import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operationSteps } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/driver";

// The durable step log: intent before the cloud call, result after it. A crash between the two
// leaves the step "running", and the resumed run repeats the (idempotent) call.
export async function ensureStepRows(db: Db, operationId: string, tenantId: string, keys: string[]): Promise<void> {
  await db
    .insert(operationSteps)
    .values(keys.map((key) => ({ operationId, tenantId, key })))
    .onConflictDoNothing();
}

export async function loadSteps(db: Db, operationId: string) {
  return db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId));
}

const where = (operationId: string, key: string) => and(eq(operationSteps.operationId, operationId), eq(operationSteps.key, key));

export async function recordIntent(db: Db, operationId: string, key: string, idempotencyKey: string | null): Promise<void> {
  await db
    .update(operationSteps)
    .set({ state: "running", attempts: sql`${operationSteps.attempts} + 1`, startedAt: sql`coalesce(${operationSteps.startedAt}, now())`, idempotencyKey, error: null })
    .where(where(operationId, key));
}

export async function recordSuccess(db: Db, operationId: string, key: string, result: ResourceRef | Record<string, unknown>): Promise<void> {
  await db.update(operationSteps).set({ state: "succeeded", result: result as Record<string, unknown>, finishedAt: sql`now()` }).where(where(operationId, key));
}

export async function recordFailure(db: Db, operationId: string, key: string, message: string): Promise<void> {
  await db.update(operationSteps).set({ state: "failed", error: message, finishedAt: sql`now()` }).where(where(operationId, key));
}
