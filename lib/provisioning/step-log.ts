import { and, eq, sql, type SQL } from "drizzle-orm";
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

/** A step's intent (running, before its cloud call) or its result (succeeded). */
export type StepWrite = { key: string } & ({ state: "running"; idempotencyKey: string | null } | { state: "succeeded"; result: ResourceRef | Record<string, unknown> });

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

type HeldWrite = StepHolder & StepWrite;

const held = (operationId: SQL, workerId: SQL) =>
  sql`exists (select 1 from ${operations} where ${operations.id} = ${operationId} and ${operations.leaseOwner} = ${workerId} and ${operations.state} = 'running')`;
const oneStep = (step: StepHolder & { key: string }) => and(eq(operationSteps.operationId, step.operationId), eq(operationSteps.key, step.key), held(sql`${step.operationId}::uuid`, sql`${step.workerId}`));
const writtenKeys = { operationId: operationSteps.operationId, key: operationSteps.key };
const intent = { state: "running" as const, attempts: sql`${operationSteps.attempts} + 1`, startedAt: sql`coalesce(${operationSteps.startedAt}, now())`, error: null };
const success = { state: "succeeded" as const, finishedAt: sql`now()` };

// One step is written by its keys; several (of one operation or of many) from arrays in one statement,
// which PGlite takes about twice as long to plan and decode, and where a write is mostly alone.
function writeOne(db: Db, write: HeldWrite) {
  const set = write.state === "running" ? { ...intent, idempotencyKey: write.idempotencyKey } : { ...success, result: write.result as Record<string, unknown> };
  return db.update(operationSteps).set(set).where(oneStep(write)).returning(writtenKeys);
}

function writeMany(db: Db, writes: HeldWrite[]) {
  const column = <T>(pick: (w: HeldWrite) => T, type: string) => sql`${sql.param(writes.map(pick))}::${sql.raw(type)}[]`;
  const rows = sql`unnest(${column((w) => w.operationId, "uuid")}, ${column((w) => w.key, "text")}, ${column((w) => w.workerId, "text")}, ${column((w) => w.state, "text")},
    ${column((w) => (w.state === "running" ? w.idempotencyKey : null), "text")}, ${column((w) => (w.state === "succeeded" ? JSON.stringify(w.result) : null), "text")})
    as v(operation_id, key, owner, state, idempotency_key, result)`;
  const running = sql`v.state = 'running'`;
  const either = (whenRunning: SQL, whenSucceeded: SQL) => sql`case when ${running} then ${whenRunning} else ${whenSucceeded} end`;
  return db
    .update(operationSteps)
    .set({
      state: sql`v.state::run_state`,
      attempts: sql`${operationSteps.attempts} + (${running})::int`,
      startedAt: either(intent.startedAt, sql`${operationSteps.startedAt}`),
      idempotencyKey: either(sql`v.idempotency_key`, sql`${operationSteps.idempotencyKey}`),
      error: either(sql`null`, sql`${operationSteps.error}`),
      result: either(sql`${operationSteps.result}`, sql`v.result::jsonb`),
      finishedAt: either(sql`${operationSteps.finishedAt}`, success.finishedAt),
    })
    .from(rows)
    .where(and(eq(operationSteps.operationId, sql`v.operation_id`), eq(operationSteps.key, sql`v.key`), held(sql`v.operation_id`, sql`v.owner`)))
    .returning(writtenKeys);
}

/** Writes steps of one holder now (in the caller's transaction, say); true when they landed, that is while it held the lease. */
export async function writeSteps(db: Db, holder: StepHolder, writes: StepWrite[]): Promise<boolean> {
  const all = writes.map((w) => ({ ...w, operationId: holder.operationId, workerId: holder.workerId }));
  return (await (all.length === 1 ? writeOne(db, all[0]!) : writeMany(db, all))).length === all.length;
}

// Steps of many operations at the same moment (fifty tenants at once, on PostgreSQL) share a statement.
const grouped = new WeakMap<Db, (unit: HeldWrite[]) => Promise<boolean>>();
function writer(db: Db) {
  let write = grouped.get(db);
  if (!write) {
    write = groupWrites(async (units: HeldWrite[][]) => {
      const all = units.flat();
      const done = new Set((await (all.length === 1 ? writeOne(db, all[0]!) : writeMany(db, all))).map((r) => `${r.operationId}/${r.key}`));
      return units.map((unit) => unit.every((w) => done.has(`${w.operationId}/${w.key}`)));
    });
    grouped.set(db, write);
  }
  return write;
}

export function assertWritten(landed: boolean, { operationId, workerId }: StepHolder): void {
  if (!landed) throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId} before recording its steps.`);
}

/** Records the writes together (a step's result and the intents of the steps it lets start); throws LeaseLostError when the lease is gone. */
export async function recordSteps(db: Db, holder: StepHolder, writes: StepWrite[]): Promise<void> {
  if (writes.length === 0) return;
  assertWritten(await writer(db)(writes.map((w) => ({ ...w, operationId: holder.operationId, workerId: holder.workerId }))), holder);
}

export const recordIntent = (db: Db, holder: StepHolder, key: string, idempotencyKey: string | null) => recordSteps(db, holder, [{ key, state: "running", idempotencyKey }]);
export const recordSuccess = (db: Db, holder: StepHolder, key: string, result: ResourceRef | Record<string, unknown>) => recordSteps(db, holder, [{ key, state: "succeeded", result }]);

export async function recordFailure(db: Db, holder: StepHolder, key: string, message: string): Promise<void> {
  await db
    .update(operationSteps)
    .set({ state: "failed", error: message, finishedAt: sql`now()` })
    .where(oneStep({ operationId: holder.operationId, workerId: holder.workerId, key }));
}
