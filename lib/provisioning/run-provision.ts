import type { Tenant } from "@/db/schema";
import { provisionPlan } from "./plan";
import { runPlan } from "./run-plan";
import type { RunContext } from "./run-context";

/** Provisions the constructs of the tenant its cloud has (a bare cluster has no IAM). */
export async function runProvision(ctx: RunContext, tenant: Tenant): Promise<void> {
  const plan = provisionPlan({ name: tenant.name, quota: tenant.quota }).filter(
    (s) => ctx.driver.supports?.(s.kind) ?? true,
  );
  await runPlan(ctx, tenant, plan);
}
