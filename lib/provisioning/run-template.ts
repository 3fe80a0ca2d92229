import { createHash } from "node:crypto";
import type { Operation, ResourceRequest, Tenant } from "@/db/schema";
import { applyTemplateRows } from "./apply-template-rows";
import type { PlanStep } from "./plan";
import type { RunContext } from "./run-context";
import { runPlan } from "./run-plan";
import { creationPlan } from "./run-resource";

const idempotencyKey = (tenant: Tenant, key: string) =>
  `enclave-${createHash("sha256").update(`${tenant.id}/${key}`).digest("hex").slice(0, 40)}`;

/** Where a template's resource steps go in the step log: after every construct. */
export const templateResourcePrefix = "resource:";

/**
 * Each resource's creation steps (the plan a single resource operation runs), keyed by the resource
 * so many fit in one operation: `resource:<kind>:<name>:<step>`. The idempotency key derives from that
 * key and the tenant (not the operation): a resumed run, or a retry after a failure, asks the cloud for
 * the very same thing again. Hashed, as EC2's client token holds at most 64 characters.
 */
async function resourcePlan(ctx: RunContext, tenant: Tenant, requests: ResourceRequest[]): Promise<PlanStep[]> {
  const steps: PlanStep[] = [];
  for (const request of requests) {
    const prefix = `${templateResourcePrefix}${request.kind}:${request.name}:`;
    for (const step of await creationPlan(ctx, tenant, request))
      steps.push({
        ...step,
        key: prefix + step.key,
        deps: step.deps.map((d) => prefix + d),
        spec: (results) => ({ ...step.spec(results), idempotencyKey: idempotencyKey(tenant, prefix + step.key) }),
      });
  }
  return steps;
}

/** After a provision's constructs: the resources, then the rows, its template (the claimed operation's) names; nothing without one. */
export async function runTemplateContents(
  ctx: RunContext,
  tenant: Tenant,
  template: Operation["template"],
): Promise<void> {
  if (!template) return;
  const steps = await resourcePlan(ctx, tenant, template.resources);
  if (steps.length) await runPlan(ctx, tenant, steps);
  await applyTemplateRows(ctx, tenant, template.rows);
}
