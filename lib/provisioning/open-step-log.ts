import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operationSteps, type OperationStep } from "@/db/schema";
import { held } from "./step-log";

/** A step to start as the log opens, and the idempotency key its cloud call will carry. */
export type OpeningIntent = { key: string; idempotencyKey: string | null };

/**
 * Adds the operation's missing step rows, those in `intents` already running (attempt 1): on a first
 * run a plan's opening steps are recorded with the log, not by a second write. Fenced like every step
 * write: without the lease nothing is added, and the run's next write finds the lease gone.
 * Answers the rows a previous run left (none on a first run) and the keys this call added.
 */
export async function openStepLog(
  db: Db,
  holder: { operationId: string; workerId: string },
  tenantId: string,
  keys: string[],
  intents: OpeningIntent[] = [],
): Promise<{ previous: OperationStep[]; added: Set<string> }> {
  const intentOf = new Map(intents.map((i) => [i.key, i.idempotencyKey]));
  const running = keys.map((key) => intentOf.has(key));
  const result = await db.execute(sql`
    insert into ${operationSteps} (operation_id, tenant_id, key, state, attempts, started_at, idempotency_key)
    select ${holder.operationId}::uuid, ${tenantId}::uuid, v.key,
      (case when v.running then 'running' else 'pending' end)::run_state, v.running::int,
      case when v.running then now() end, v.idempotency_key
    from unnest(${sql.param(keys)}::text[], ${sql.param(running)}::boolean[], ${sql.param(keys.map((k) => intentOf.get(k) ?? null))}::text[])
      as v(key, running, idempotency_key)
    where ${held(sql`${holder.operationId}::uuid`, sql`${holder.workerId}`)}
    on conflict do nothing
    returning key`);
  const added = new Set((result as unknown as { rows: { key: string }[] }).rows.map((r) => r.key));
  if (added.size === keys.length) return { previous: [], added };
  const previous = await db.select().from(operationSteps).where(eq(operationSteps.operationId, holder.operationId));
  return { previous, added };
}
