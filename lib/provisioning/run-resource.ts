import { and, eq } from "drizzle-orm";
import { tenantSecrets, type Operation, type ResourceRequest, type Tenant } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { RemoveRef, ResourceKind, ResourceRef } from "@/lib/cloud/contract";
import { databaseSecretKind } from "./database-secret";
import { databaseCreationStep } from "./database-steps";
import { revokeSharesOfResource } from "./withdraw-shares";
import { finishHeldOperation } from "./lease";
import type { PlanStep } from "./plan";
import { withRetry } from "./retry";
import { runPlan, runRecordedStep } from "./run-plan";
import { openStepLog } from "./open-step-log";
import { StepWaiting } from "./step-waiting";
import type { RunContext } from "./run-context";

/** Creates or deletes one resource of a ready tenant, on the same step log as provisioning. */
export async function runResourceOperation(ctx: RunContext, tenant: Tenant, request: ResourceRequest): Promise<void> {
  if (request.action === "create") return runPlan(ctx, tenant, await creationPlan(ctx, tenant, request));
  await runDeletion(ctx, tenant, request);
}

const namespaceOf = (tenant: Tenant) => `tenant-${tenant.name}`;

export async function creationPlan(ctx: RunContext, tenant: Tenant, request: ResourceRequest): Promise<PlanStep[]> {
  const { name, attributes = {} } = request;
  // A new operation gets new client tokens: a host deleted and made again is a new instance.
  const spec =
    (key: string, kind: ResourceKind, extra: Partial<ReturnType<PlanStep["spec"]>> = {}) =>
    () => ({ kind, name, tenant: tenant.name, idempotencyKey: `${ctx.operationId}:${key}`, ...extra });
  if (request.kind === "service") {
    const refs = { namespace: namespaceOf(tenant) };
    const { expose, ...workload } = attributes;
    const steps: PlanStep[] = [
      {
        key: "create-workload",
        kind: "workload",
        deps: [],
        spec: spec("create-workload", "workload", { refs, attributes: workload }),
      },
    ];
    if (expose)
      steps.push({
        key: "create-load-balancer",
        kind: "load_balancer",
        deps: ["create-workload"],
        spec: spec("create-load-balancer", "load_balancer", {
          refs,
          attributes: { workload: name, port: attributes.port },
        }),
      });
    return steps;
  }
  if (request.kind === "host") {
    // A host joins what provisioning made: the tenant's security group, instance profile and key.
    const made = await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry);
    const idOf = (kind: ResourceKind, field: keyof ResourceRef = "id") =>
      made.find((r) => r.kind === kind)?.[field] as string | undefined;
    const refs = Object.fromEntries(
      Object.entries({
        securityGroupId: idOf("security_group"),
        instanceProfileName: idOf("instance_profile", "name"),
        keyName: idOf("key_pair", "name"),
      }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    return [{ key: "create-host", kind: "host", deps: [], spec: spec("create-host", "host", { refs, attributes }) }];
  }
  if (request.kind === "database") return [await databaseCreationStep(ctx, tenant, request)];
  return [{ key: "create-bucket", kind: "bucket", deps: [], spec: spec("create-bucket", "bucket") }];
}

// A service's load balancer goes before the workload it sends traffic to.
const removalSteps: Record<ResourceRequest["kind"], [string, ResourceKind][]> = {
  service: [
    ["remove-load-balancer", "load_balancer"],
    ["remove-workload", "workload"],
  ],
  host: [["remove-host", "host"]],
  bucket: [["remove-bucket", "bucket"]],
  database: [["remove-database", "database"]],
};

async function runDeletion(ctx: RunContext, tenant: Tenant, request: ResourceRequest): Promise<void> {
  await revokeSharesOfResource(ctx, tenant, request.kind, request.name);
  const steps = removalSteps[request.kind];
  const done = new Set(
    (
      await openStepLog(
        ctx.db,
        ctx,
        tenant.id,
        steps.map(([key]) => key),
      )
    ).previous
      .filter((s) => s.state === "succeeded")
      .map((s) => s.key),
  );
  for (const [key, kind] of steps) {
    if (done.has(key)) continue;
    await runRecordedStep(ctx, key, async () => {
      const found = (await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry)).filter(
        (r) => r.kind === kind && r.name === request.name,
      );
      const attributes =
        request.kind === "database" ? { finalSnapshot: request.attributes?.finalSnapshot === true } : {};
      const refs: RemoveRef[] = found.map((r) => ({
        kind: r.kind,
        name: r.name,
        id: r.id,
        tenant: tenant.name,
        attributes,
      }));
      await removeAll(ctx, refs);
      return { removed: found.length };
    });
  }
}

/**
 * Removes each; a removal the cloud is still carrying out (a database) has the step wait, after the
 * others have been asked, and is asked again at the re-check.
 */
export async function removeAll(ctx: RunContext, refs: RemoveRef[]): Promise<void> {
  const waiting: string[] = [];
  for (const ref of refs) {
    const answer = await withRetry(() => ctx.driver.remove(ref), ctx.retry);
    if (answer && "waiting" in answer) waiting.push(`${ref.kind.replace(/_/g, " ")} ${ref.name} ${answer.waiting}`);
  }
  if (waiting.length > 0) throw new StepWaiting("", `waiting until gone: ${waiting.join(", ")}`);
}

/**
 * A resource operation ends without touching the tenant's status: a failed bucket does not fail the
 * tenant. Like a tenant operation, only while this worker holds the lease (LeaseLostError otherwise).
 */
export async function finishResource(
  db: RunContext["db"],
  op: Operation,
  workerId: string,
  outcome: { state: "succeeded" } | { state: "failed"; error: string },
): Promise<void> {
  const request = op.request!;
  await db.transaction(async (tx) => {
    const failed = outcome.state === "failed";
    await finishHeldOperation(tx, op.id, workerId, outcome);
    // A deleted database's password opens nothing any more.
    if (request.kind === "database" && request.action === "delete" && !failed)
      await tx
        .delete(tenantSecrets)
        .where(and(eq(tenantSecrets.tenantId, op.tenantId), eq(tenantSecrets.kind, databaseSecretKind(request.name))));
    const action = `resource.${request.action === "create" ? "created" : "deleted"}${failed ? "_failed" : ""}`;
    await recordAudit(tx, {
      actorId: null,
      action,
      tenantId: op.tenantId,
      target: `${request.kind} ${request.name}`,
      details: failed ? { operationId: op.id, error: outcome.error } : { operationId: op.id },
    });
  });
}
