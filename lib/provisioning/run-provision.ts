import type { Operation, Tenant } from "@/db/schema";
import { provisionPlan, removeQuotaStep } from "./plan";
import { withRetry } from "./retry";
import { openStepLog } from "./open-step-log";
import { runPlan, runRecordedStep } from "./run-plan";
import type { RunContext } from "./run-context";
import { runTemplateContents } from "./run-template";

// A ready tenant provisioned again had its quota changed; one whose quota was taken away loses the cluster's.
async function removeQuota(ctx: RunContext, tenant: Tenant) {
  const quotas = (await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry)).filter(
    (r) => r.kind === "resource_quota",
  );
  if (quotas.length === 0) return;
  await openStepLog(ctx.db, ctx, tenant.id, [removeQuotaStep]);
  await runRecordedStep(ctx, removeQuotaStep, async () => {
    for (const ref of quotas) await withRetry(() => ctx.driver.remove({ ...ref, tenant: tenant.name }), ctx.retry);
    return { removed: quotas.length };
  });
}

/** Provisions the constructs of the tenant its cloud has (a bare cluster has no IAM), then what its template names. */
export async function runProvision(ctx: RunContext, tenant: Tenant, template: Operation["template"]): Promise<void> {
  const plan = provisionPlan({ name: tenant.name, quota: tenant.quota }).filter(
    (s) => ctx.driver.supports?.(s.kind) ?? true,
  );
  await runPlan(ctx, tenant, plan);
  if (tenant.status === "ready" && !tenant.quota) await removeQuota(ctx, tenant);
  await runTemplateContents(ctx, tenant, template);
}
