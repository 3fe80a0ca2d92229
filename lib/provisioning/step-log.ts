import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, operationSteps } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/contract";
import { groupWrites } from "@/db/group-writes";
import { preparedOnce } from "@/db/prepared";
import { LeaseLostError } from "./lease";

// The durable step log: intent before the cloud call, result after it. A crash between the two
// leaves the step "running", and the resumed run repeats the (idempotent) call. Each write lands
// only while its worker holds the operation's lease; a write that finds it gone throws LeaseLostError.

/** The operation a step belongs to and the worker that must hold its lease to write it. */
type StepHolder = { operationId: string; workerId: string };

/** A step's intent (running, before its cloud call) or its result (succeeded). */
export type StepWrite = { key: string } & (
  | { state: "running"; idempotencyKey: string | null }
  | { state: "succeeded"; result: ResourceRef | Record<string, unknown> }
);

type HeldWrite = StepHolder & StepWrite;

const p = (name: string) => sql.placeholder(name);
export const held = (operationId: SQL, workerId: SQL) =>
  sql`exists (select 1 from ${operations} where ${operations.id} = ${operationId} and ${operations.leaseOwner} = ${workerId} and ${operations.state} = 'running')`;
const byKey = and(
  eq(operationSteps.operationId, sql`${p("operationId")}::uuid`),
  eq(operationSteps.key, sql`${p("key")}`),
  held(sql`${p("operationId")}::uuid`, sql`${p("workerId")}`),
);
const writtenKeys = { operationId: operationSteps.operationId, key: operationSteps.key };
const intent = {
  state: "running" as const,
  attempts: sql`${operationSteps.attempts} + 1`,
  startedAt: sql`coalesce(${operationSteps.startedAt}, now())`,
  error: null,
};
const success = { state: "succeeded" as const, finishedAt: sql`now()` };

// The step log's writes, prepared: built once per database (building is a third of a keyed write's
// cost on PGlite) and planned once per connection on PostgreSQL. One step is written by its keys;
// several, of one operation or of many, from arrays — which PGlite takes longer to plan.
const statements = {
  intent: (db: Db) =>
    db
      .update(operationSteps)
      .set({ ...intent, idempotencyKey: sql`${p("idempotencyKey")}` })
      .where(byKey)
      .returning(writtenKeys)
      .prepare("step_log_intent"),
  success: (db: Db) =>
    db
      .update(operationSteps)
      .set({ ...success, result: sql`${p("result")}::jsonb` })
      .where(byKey)
      .returning(writtenKeys)
      .prepare("step_log_success"),
  many: (db: Db) => {
    const running = sql`v.state = 'running'`;
    const either = (whenRunning: SQL, whenSucceeded: SQL) =>
      sql`case when ${running} then ${whenRunning} else ${whenSucceeded} end`;
    const rows = sql`unnest(${p("operationIds")}::uuid[], ${p("keys")}::text[], ${p("workerIds")}::text[], ${p("states")}::text[], ${p("idempotencyKeys")}::text[], ${p("results")}::text[])
      as v(operation_id, key, owner, state, idempotency_key, result)`;
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
      .where(
        and(
          eq(operationSteps.operationId, sql`v.operation_id`),
          eq(operationSteps.key, sql`v.key`),
          held(sql`v.operation_id`, sql`v.owner`),
        ),
      )
      .returning(writtenKeys)
      .prepare("step_log_writes");
  },
};
const prepared = {
  intent: preparedOnce(statements.intent),
  success: preparedOnce(statements.success),
  many: preparedOnce(statements.many),
};

function runWrites(db: Db, writes: HeldWrite[]): Promise<{ operationId: string; key: string }[]> {
  if (writes.length === 1) {
    const [one] = writes as [HeldWrite];
    const keys = { operationId: one.operationId, workerId: one.workerId, key: one.key };
    if (one.state === "running") return prepared.intent(db).execute({ ...keys, idempotencyKey: one.idempotencyKey });
    return prepared.success(db).execute({ ...keys, result: JSON.stringify(one.result) });
  }
  return prepared.many(db).execute({
    operationIds: writes.map((w) => w.operationId),
    keys: writes.map((w) => w.key),
    workerIds: writes.map((w) => w.workerId),
    states: writes.map((w) => w.state),
    idempotencyKeys: writes.map((w) => (w.state === "running" ? w.idempotencyKey : null)),
    results: writes.map((w) => (w.state === "succeeded" ? JSON.stringify(w.result) : null)),
  });
}

// Steps of many operations at the same moment (fifty tenants at once) share a statement.
const writer = preparedOnce((db) =>
  groupWrites(async (units: HeldWrite[][]) => {
    const done = new Set((await runWrites(db, units.flat())).map((r) => `${r.operationId}/${r.key}`));
    return units.map((unit) => unit.every((w) => done.has(`${w.operationId}/${w.key}`)));
  }),
);

export function assertWritten(landed: boolean, { operationId, workerId }: StepHolder): void {
  if (!landed)
    throw new LeaseLostError(
      `Worker ${workerId} lost the lease on operation ${operationId} before recording its steps.`,
    );
}

/** Records the writes together (a step's result and the intents of the steps it lets start); throws LeaseLostError when the lease is gone. */
export async function recordSteps(db: Db, holder: StepHolder, writes: StepWrite[]): Promise<void> {
  if (writes.length === 0) return;
  assertWritten(
    await writer(db)(writes.map((w) => ({ ...w, operationId: holder.operationId, workerId: holder.workerId }))),
    holder,
  );
}

export const recordIntent = (db: Db, holder: StepHolder, key: string, idempotencyKey: string | null) =>
  recordSteps(db, holder, [{ key, state: "running", idempotencyKey }]);
export const recordSuccess = (db: Db, holder: StepHolder, key: string, result: ResourceRef | Record<string, unknown>) =>
  recordSteps(db, holder, [{ key, state: "succeeded", result }]);

export async function recordFailure(db: Db, holder: StepHolder, key: string, message: string): Promise<void> {
  const where = and(
    eq(operationSteps.operationId, holder.operationId),
    eq(operationSteps.key, key),
    held(sql`${holder.operationId}::uuid`, sql`${holder.workerId}`),
  );
  await db
    .update(operationSteps)
    .set({ state: "failed", error: message, finishedAt: sql`now()` })
    .where(where);
}

/** Keeps a running step's intent and notes what it waits for (shown in the progress); fenced like the others. */
export async function recordWaiting(db: Db, holder: StepHolder, key: string, note: string): Promise<void> {
  const written = await db
    .update(operationSteps)
    .set({ result: { waiting: note } })
    .where(
      and(
        eq(operationSteps.operationId, holder.operationId),
        eq(operationSteps.key, key),
        held(sql`${holder.operationId}::uuid`, sql`${holder.workerId}`),
      ),
    )
    .returning({ key: operationSteps.key });
  assertWritten(written.length === 1, holder);
}
