import { and, eq, sql } from "drizzle-orm";
import { operations, tenantSecrets } from "@/db/schema";
import { assertWritten } from "./step-log";
import type { RunContext } from "./run-context";

/**
 * Stores a sealed secret of the operation's tenant, fenced like the step log (LeaseLostError once the
 * lease is gone). "replace" overwrites one already there (a key pair made again); "keep" leaves it
 * (a database password: the instance in the cloud may have been made with it before a crash).
 */
export async function storeTenantSecret(
  ctx: Pick<RunContext, "db" | "operationId" | "workerId">,
  kind: string,
  ciphertext: string,
  mode: "replace" | "keep",
): Promise<void> {
  const held = and(
    eq(operations.id, ctx.operationId),
    eq(operations.leaseOwner, ctx.workerId),
    eq(operations.state, "running"),
  );
  const row = ctx.db
    .select({
      tenantId: operations.tenantId,
      kind: sql<string>`${kind}`.as("kind"),
      ciphertext: sql<string>`${ciphertext}`.as("ciphertext"),
      createdAt: sql<Date>`now()`.as("created_at"),
    })
    .from(operations)
    .where(held);
  const insert = ctx.db.insert(tenantSecrets).select(row);
  const target = [tenantSecrets.tenantId, tenantSecrets.kind];
  const stored = await (
    mode === "replace"
      ? insert.onConflictDoUpdate({ target, set: { ciphertext } })
      : insert.onConflictDoNothing({ target })
  ).returning({ tenantId: tenantSecrets.tenantId });
  // A kept secret already there inserts nothing; whether the lease held is asked separately then.
  if (mode === "keep" && stored.length === 0) {
    const [still] = await ctx.db.select({ id: operations.id }).from(operations).where(held);
    return assertWritten(still !== undefined, ctx);
  }
  assertWritten(stored.length === 1, ctx);
}
