import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, operationSteps, type Operation, type OperationStep, type ResourceRequest } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { ConflictError } from "@/lib/errors";
import { stepOrder } from "./plan";

type OperationKind = Operation["kind"];

/**
 * Records a new operation for the tenant, inside the caller's transaction. The partial unique
 * index allows one unfinished operation per tenant, so a second one is a clear conflict.
 */
export async function startTenantOperation(
  tx: Db,
  tenantId: string,
  kind: OperationKind,
  request?: ResourceRequest,
): Promise<string> {
  try {
    const [row] = await tx.insert(operations).values({ tenantId, kind, request }).returning({ id: operations.id });
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError("Another operation is still running on this tenant; wait for it to finish.");
    throw error;
  }
}

export type StepProgress = {
  key: string;
  state: OperationStep["state"];
  attempts: number;
  error: string | null;
  /** What a running step waits for on the cloud ("waiting for available (creating)"), while it rests. */
  waiting: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};
export type OperationProgress = {
  id: string;
  kind: OperationKind;
  request: ResourceRequest | null;
  state: Operation["state"];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  steps: StepProgress[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Which operations a progress panel follows: the tenant's own life, or the resources in it. */
export type OperationScope = "lifecycle" | "resource" | "share";
const scopeKinds: Record<OperationScope, OperationKind[]> = {
  lifecycle: ["provision", "delete"],
  resource: ["resource"],
  share: ["share"],
};

/** The tenant's latest operation of a scope and its steps, as plain data for the live progress view. */
export async function getLatestOperation(
  db: Db,
  tenantId: string,
  scope: OperationScope = "lifecycle",
): Promise<OperationProgress | null> {
  const [op] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.tenantId, tenantId), inArray(operations.kind, scopeKinds[scope])))
    .orderBy(desc(operations.createdAt))
    .limit(1);
  return op ? withSteps(db, op) : null;
}

/** One operation of the tenant by its id (null when it is not this tenant's), with its steps. */
export async function getTenantOperation(db: Db, tenantId: string, id: string): Promise<OperationProgress | null> {
  const [op] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.id, id), eq(operations.tenantId, tenantId)));
  return op ? withSteps(db, op) : null;
}

async function withSteps(db: Db, op: Operation): Promise<OperationProgress> {
  const steps = await db
    .select()
    .from(operationSteps)
    .where(and(eq(operationSteps.operationId, op.id), eq(operationSteps.tenantId, op.tenantId)))
    .orderBy(asc(operationSteps.key));
  const position = (key: string) => (stepOrder.includes(key) ? stepOrder.indexOf(key) : stepOrder.length);
  steps.sort((a, b) => position(a.key) - position(b.key));
  return {
    id: op.id,
    kind: op.kind,
    request: op.request,
    state: op.state,
    error: op.error,
    createdAt: op.createdAt.toISOString(),
    startedAt: iso(op.startedAt),
    finishedAt: iso(op.finishedAt),
    steps: steps.map((s) => ({
      key: s.key,
      state: s.state,
      attempts: s.attempts,
      error: s.error,
      waiting: s.state === "running" && typeof s.result?.waiting === "string" ? s.result.waiting : null,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
    })),
  };
}
