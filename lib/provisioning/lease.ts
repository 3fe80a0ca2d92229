import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, type Operation } from "@/db/schema";
import { createLogger } from "@/lib/observability/logger";
import { isProvablyDead } from "./worker-identity";

const logger = createLogger("provisioning");

/** Another worker (named by holder) holds the operation's lease and has not finished it yet. */
export class OperationHeldError extends Error {
  name = "OperationHeldError";
  constructor(
    operationId: string,
    readonly holder: string,
  ) {
    super(`Operation ${operationId} is held by ${holder}.`);
  }
}

/** This worker's lease ran out (a stalled process) or another worker took it over. */
export class LeaseLostError extends Error {
  name = "LeaseLostError";
}

const leaseUntil = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;
const unfinished = (state: Operation["state"]) => state === "pending" || state === "running";

/**
 * Claims a pending operation, or a running one whose lease has lapsed, was released, or is held by
 * a worker provably dead (see isProvablyDead) — never one held by a live worker, this process
 * included (a job pg-boss timed out may still be running here). Undefined when not claimed.
 */
export async function claimOperation(
  db: Db,
  operationId: string,
  workerId: string,
  leaseSeconds: number,
): Promise<Operation | undefined> {
  const claim = {
    state: "running" as const,
    leaseOwner: workerId,
    leaseUntil: leaseUntil(leaseSeconds),
    startedAt: sql`coalesce(${operations.startedAt}, now())`,
  };
  const leaseFree = or(isNull(operations.leaseUntil), lt(operations.leaseUntil, sql`now()`));
  const claimable = or(eq(operations.state, "pending"), and(eq(operations.state, "running"), leaseFree));
  const [op] = await db
    .update(operations)
    .set(claim)
    .where(and(eq(operations.id, operationId), claimable))
    .returning();
  if (op) return op;
  const [held] = await db
    .select({ state: operations.state, owner: operations.leaseOwner })
    .from(operations)
    .where(eq(operations.id, operationId));
  if (!held?.owner || held.state !== "running" || !isProvablyDead(held.owner)) return undefined;
  // Fenced on the dead owner: of two workers taking over at once, only one matches it.
  const [taken] = await db
    .update(operations)
    .set(claim)
    .where(and(eq(operations.id, operationId), eq(operations.state, "running"), eq(operations.leaseOwner, held.owner)))
    .returning();
  if (taken)
    logger.info(`took over operation from dead worker ${held.owner}`, {
      operationId,
      workerId,
      deadWorker: held.owner,
    });
  return taken;
}

/** Why an operation was not claimed: finished (or gone), resting until its re-check (null), or held by a live worker, named. */
export async function heldBy(db: Db, operationId: string): Promise<string | null> {
  const [row] = await db
    .select({
      state: operations.state,
      owner: operations.leaseOwner,
      resting: sql<boolean>`${operations.leaseOwner} is null and ${operations.leaseUntil} > now()`,
    })
    .from(operations)
    .where(eq(operations.id, operationId));
  return row && unfinished(row.state) && !row.resting ? (row.owner ?? "another worker") : null;
}

// Renewed every third of its length. A renewal that finds another owner, or no renewal for a whole
// lease (a stalled process), means another worker may have taken over, so assertHeld throws.
export function holdLease(db: Db, operationId: string, workerId: string, leaseSeconds: number) {
  const mine = and(
    eq(operations.id, operationId),
    eq(operations.leaseOwner, workerId),
    eq(operations.state, "running"),
  );
  let renewedAt = Date.now();
  let lost = false;
  const heartbeat = setInterval(
    () => {
      const sentAt = Date.now();
      db.update(operations)
        .set({ leaseUntil: leaseUntil(leaseSeconds) })
        .where(mine)
        .returning({ id: operations.id })
        .then((rows) => (rows.length > 0 ? (renewedAt = sentAt) : (lost = true)))
        .catch((error: Error) => logger.warn("lease renewal failed", { operationId, workerId, error }));
    },
    (leaseSeconds * 1000) / 3,
  );
  return {
    assertHeld() {
      if (lost || Date.now() - renewedAt > leaseSeconds * 1000)
        throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId}.`);
    },
    /** Stops renewing; for a finished operation, whose finish cleared the lease. */
    stop() {
      clearInterval(heartbeat);
    },
    // An interrupted run hands the operation back at once, so a retry need not wait out the lease.
    release: () => handBack(null),
    /**
     * A waiting run hands it back until its re-check: unheld, and claimable (by a job or the sweep)
     * only once leaseUntil has passed. Kept in the row, so a restart in between changes nothing.
     */
    rest: (seconds: number) => handBack(leaseUntil(seconds)),
  };
  async function handBack(until: ReturnType<typeof leaseUntil> | null) {
    clearInterval(heartbeat);
    await db
      .update(operations)
      .set({ leaseOwner: null, leaseUntil: until })
      .where(mine)
      .catch((error: Error) =>
        logger.warn("lease release failed; the lease will lapse", { operationId, workerId, error }),
      );
  }
}

/** Records the operation's end only while this worker holds it, in the caller's transaction; throws LeaseLostError otherwise. */
export async function finishHeldOperation(
  tx: Db,
  operationId: string,
  workerId: string,
  outcome: { state: "succeeded" } | { state: "failed"; error: string },
): Promise<void> {
  const error = outcome.state === "failed" ? outcome.error : null;
  const held = await tx
    .update(operations)
    .set({ state: outcome.state, error, finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
    .where(and(eq(operations.id, operationId), eq(operations.leaseOwner, workerId)))
    .returning({ id: operations.id });
  if (held.length === 0)
    throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId} before finishing it.`);
}
