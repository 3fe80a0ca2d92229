import type { Operation, ResourceRequest, Tenant } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ResourceKind, ResourceRef } from "@/lib/cloud/contract";
import { finishHeldOperation } from "./lease";
import type { PlanStep } from "./plan";
import { withRetry } from "./retry";
import { runPlan, runRecordedStep } from "./run-plan";
import { openStepLog } from "./step-log";
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
};

async function runDeletion(ctx: RunContext, tenant: Tenant, request: ResourceRequest): Promise<void> {
  const steps = removalSteps[request.kind];
  const done = new Set(
    (
      await openStepLog(
        ctx.db,
        ctx.operationId,
        tenant.id,
        steps.map(([key]) => key),
      )
    )
      .filter((s) => s.state === "succeeded")
      .map((s) => s.key),
  );
  for (const [key, kind] of steps) {
    if (done.has(key)) continue;
    await runRecordedStep(ctx, key, async () => {
      const found = (await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry)).filter(
        (r) => r.kind === kind && r.name === request.name,
      );
      for (const ref of found) await withRetry(() => ctx.driver.remove({ ...ref, tenant: tenant.name }), ctx.retry);
      return { removed: found.length };
    });
  }
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
