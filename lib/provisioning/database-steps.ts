import type { ResourceRequest, Tenant } from "@/db/schema";
import { defaultDatabasePort, type DatabaseEngine, type ResourceKind } from "@/lib/cloud/contract";
import { databaseMasterUsername } from "./database-secret";
import { findTenantConstruct } from "./constructs";
import { databasePassword } from "./database-password";
import type { PlanStep } from "./plan";
import { withRetry } from "./retry";
import type { RunContext } from "./run-context";

/**
 * Creating a database: inside the tenant's security group (the only source it admits) and
 * encrypted with the tenant's KMS key, both as provisioning made them. Its step waits (see
 * StepWaiting) until the cloud reports it available.
 */
export async function databaseCreationStep(
  ctx: RunContext,
  tenant: Tenant,
  request: ResourceRequest,
): Promise<PlanStep> {
  const refs = await tenantConstructIds(ctx, tenant);
  const masterPassword = await databasePassword(ctx, tenant.id, request.name);
  const engine = request.attributes?.engine as DatabaseEngine;
  const attributes = {
    ...request.attributes,
    port: defaultDatabasePort[engine],
    masterUsername: databaseMasterUsername,
    masterPassword,
  };
  return {
    key: "create-database",
    kind: "database",
    deps: [],
    spec: () => ({
      kind: "database",
      name: request.name,
      tenant: tenant.name,
      idempotencyKey: `${ctx.operationId}:create-database`,
      attributes,
      refs,
    }),
  };
}

// From provisioning's step log, or (a tenant provisioned before it kept them) from the cloud.
async function tenantConstructIds(ctx: RunContext, tenant: Tenant): Promise<Record<string, string>> {
  const recorded = async (step: string) => (await findTenantConstruct(ctx.db, tenant.id, step))?.id;
  let securityGroupId = await recorded("security-group");
  let kmsKeyId = await recorded("kms-key");
  if (!securityGroupId || !kmsKeyId) {
    const made = await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry);
    const idOf = (kind: ResourceKind) => made.find((r) => r.kind === kind)?.id;
    securityGroupId ??= idOf("security_group");
    kmsKeyId ??= idOf("kms_key");
  }
  return Object.fromEntries(
    Object.entries({ securityGroupId, kmsKeyId }).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
