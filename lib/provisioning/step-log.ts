import { and, eq, exists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, operationSteps, type OperationStep } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/driver";
import { groupWrites } from "./group-writes";
import { LeaseLostError } from "./lease";

// The durable step log: intent before the cloud call, result after it. A crash between the two
// leaves the step "running", and the resumed run repeats the (idempotent) call. Each write lands
// only while its worker holds the operation's lease; a write that finds it gone throws LeaseLostError.

/** The operation a step belongs to and the worker that must hold its lease to write it. */
export type StepHolder = { operationId: string; workerId: string };

/** Adds the operation's missing step rows and answers the rows a previous run left (none on a first run). */
export async function openStepLog(db: Db, operationId: string, tenantId: string, keys: string[]): Promise<OperationStep[]> {
  const added = await db
    .insert(operationSteps)
    .values(keys.map((key) => ({ operationId, tenantId, key })))
    .onConflictDoNothing()
    .returning({ key: operationSteps.key });
  if (added.length === keys.length) return [];
  return db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId));
}

// Many steps, of one operation or of many, written in one statement: v holds a row per step.
const stepRows = (columns: string, rows: object[]) => sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(operation_id uuid, key text, owner text${sql.raw(columns)})`;
const heldByWriter = and(eq(operations.id, sql`v.operation_id`), eq(operations.leaseOwner, sql`v.owner`), eq(operations.state, "running"));
const stepOfRow = and(eq(operationSteps.operationId, sql`v.operation_id`), eq(operationSteps.key, sql`v.key`));

type Intent = StepHolder & { key: string; idempotencyKey: string | null };
type Success = StepHolder & { key: string; result: ResourceRef | Record<string, unknown> };

type Written = { operationId: string; key: string }[];
// Answers, for each step in turn, whether its write landed.
async function landed(steps: (StepHolder & { key: string })[], rows: Promise<Written>): Promise<boolean[]> {
  const done = new Set((await rows).map((r) => `${r.operationId}/${r.key}`));
  return steps.map((s) => done.has(`${s.operationId}/${s.key}`));
}

function writeIntents(db: Db, intents: Intent[]): Promise<boolean[]> {
  const rows = intents.map((s) => ({ operation_id: s.operationId, key: s.key, owner: s.workerId, idempotency_key: s.idempotencyKey }));
  const written = db
    .update(operationSteps)
    .set({ state: "running", attempts: sql`${operationSteps.attempts} + 1`, startedAt: sql`coalesce(${operationSteps.startedAt}, now())`, idempotencyKey: sql`v.idempotency_key`, error: null })
    .from(stepRows(", idempotency_key text", rows))
    .innerJoin(operations, heldByWriter)
    .where(stepOfRow)
    .returning({ operationId: operationSteps.operationId, key: operationSteps.key });
  return landed(intents, written);
}

/** Writes step successes at once (in the caller's transaction, say), each only while its worker holds the lease. */
export function writeSuccesses(db: Db, successes: Success[]): Promise<boolean[]> {
  const rows = successes.map((s) => ({ operation_id: s.operationId, key: s.key, owner: s.workerId, result: s.result }));
  const written = db
    .update(operationSteps)
    .set({ state: "succeeded", result: sql`v.result`, finishedAt: sql`now()` })
    .from(stepRows(", result jsonb", rows))
    .innerJoin(operations, heldByWriter)
    .where(stepOfRow)
    .returning({ operationId: operationSteps.operationId, key: operationSteps.key });
  return landed(successes, written);
}

// Steps running at the same moment (a plan's first steps, fifty tenants at once) share a statement.
const grouped = new WeakMap<Db, { intent: (s: Intent) => Promise<boolean>; success: (s: Success) => Promise<boolean> }>();
function writers(db: Db) {
  let found = grouped.get(db);
  if (!found) grouped.set(db, (found = { intent: groupWrites((s: Intent[]) => writeIntents(db, s)), success: groupWrites((s: Success[]) => writeSuccesses(db, s)) }));
  return found;
}

export function assertWritten(landed: boolean, { operationId, workerId }: StepHolder, key: string): void {
  if (!landed) throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId} before recording step ${key}.`);
}

export async function recordIntent(db: Db, holder: StepHolder, key: string, idempotencyKey: string | null): Promise<void> {
  assertWritten(await writers(db).intent({ operationId: holder.operationId, workerId: holder.workerId, key, idempotencyKey }), holder, key);
}

export async function recordSuccess(db: Db, holder: StepHolder, key: string, result: ResourceRef | Record<string, unknown>): Promise<void> {
  assertWritten(await writers(db).success({ operationId: holder.operationId, workerId: holder.workerId, key, result }), holder, key);
}

export async function recordFailure(db: Db, { operationId, workerId }: StepHolder, key: string, message: string): Promise<void> {
  const held = db
    .select({ id: operations.id })
    .from(operations)
    .where(and(eq(operations.id, operationId), eq(operations.leaseOwner, workerId), eq(operations.state, "running")));
  await db
    .update(operationSteps)
    .set({ state: "failed", error: message, finishedAt: sql`now()` })
    .where(and(eq(operationSteps.operationId, operationId), eq(operationSteps.key, key), exists(held)));
}
