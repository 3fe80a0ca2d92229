import { and, eq } from "drizzle-orm";
import { shares, tenants, type Share, type Tenant } from "@/db/schema";
import { PermanentCloudError, type ResourceKind, type ResourceSpec } from "@/lib/cloud/contract";
import { bucketShareSpecs, databaseShareSpecs, principalArnOf } from "./share-cloud-objects";
import { findTenantConstruct } from "./constructs";
import { withRetry } from "./retry";
import { runRecordedStep } from "./run-plan";
import type { RunContext } from "./run-context";
import { openStepLog } from "./open-step-log";

type Step = { key: string; work: () => Promise<Record<string, unknown>> };

/** Grants (state "approving") or removes (state "revoking") one share of the owner tenant, step by recorded step. */
export async function runShareOperation(ctx: RunContext, owner: Tenant, shareId: string): Promise<void> {
  const [share] = await ctx.db
    .select()
    .from(shares)
    .where(and(eq(shares.id, shareId), eq(shares.ownerTenantId, owner.id)));
  if (!share) return;
  const [grantee] = await ctx.db.select().from(tenants).where(eq(tenants.id, share.granteeTenantId));
  if (share.state === "approving") return runSteps(ctx, owner, await grantSteps(ctx, owner, grantee!, share));
  if (share.state === "revoking") return runSteps(ctx, owner, removalSteps(ctx, owner, share));
}

async function runSteps(ctx: RunContext, owner: Tenant, steps: Step[]) {
  const log = await openStepLog(
    ctx.db,
    ctx,
    owner.id,
    steps.map((s) => s.key),
  );
  const done = new Set(log.previous.filter((s) => s.state === "succeeded").map((s) => s.key));
  for (const step of steps) if (!done.has(step.key)) await runRecordedStep(ctx, step.key, step.work);
}

const ensureStep = (ctx: RunContext, key: string, spec: () => Promise<ResourceSpec>): Step => ({
  key,
  work: async () => {
    const wanted = await spec();
    const ref = await withRetry(() => ctx.driver.ensure(wanted), ctx.retry);
    return { kind: ref.kind, name: ref.name, id: ref.id };
  },
});

async function construct(ctx: RunContext, tenant: Tenant, key: string) {
  const found = await findTenantConstruct(ctx.db, tenant.id, key);
  if (!found)
    throw new PermanentCloudError(
      `${tenant.name} has no ${key.replace(/-/g, " ")}; its provisioning did not make one.`,
    );
  return found;
}

async function grantSteps(ctx: RunContext, owner: Tenant, grantee: Tenant, share: Share): Promise<Step[]> {
  if (share.resourceKind === "bucket") {
    const specs = async () =>
      bucketShareSpecs(share, owner.name, {
        principalArn: principalArnOf(await construct(ctx, grantee, "iam-role")),
        keyId: (await construct(ctx, owner, "kms-key")).id,
      });
    return [
      ensureStep(ctx, "share-bucket-grant", async () => (await specs()).bucketGrant),
      ensureStep(ctx, "share-key-grant", async () => (await specs()).keyGrant),
    ];
  }
  const specs = async () => {
    const database = (await withRetry(() => ctx.driver.listTenantResources(owner.name), ctx.retry)).find(
      (r) => r.kind === "database" && r.name === share.resourceName,
    );
    const databaseGroupId = database?.attributes.securityGroupId;
    if (typeof databaseGroupId !== "string")
      throw new PermanentCloudError(
        `Database ${share.resourceName} has no security group yet; approve again once it is available.`,
      );
    const namespace = (await findTenantConstruct(ctx.db, owner.id, "namespace"))?.name ?? `tenant-${owner.name}`;
    return databaseShareSpecs(
      share,
      { owner: owner.name, grantee: grantee.name, namespace },
      {
        databaseGroupId,
        granteeGroupId: (await construct(ctx, grantee, "security-group")).id,
        port: Number(database!.attributes.port),
      },
    );
  };
  const steps = [ensureStep(ctx, "share-security-group-rule", async () => (await specs()).groupRule)];
  if (ctx.driver.supports?.("network_policy") ?? true)
    steps.push(ensureStep(ctx, "share-network-policy", async () => (await specs()).policy));
  return steps;
}

// Exactly what the share recorded; the cloud answering "not found" counts as removed.
function removalSteps(ctx: RunContext, owner: Tenant, share: Share): Step[] {
  return share.cloudRefs.map((ref, i) => ({
    key: `share-remove-${i + 1}-${ref.kind.replace(/_/g, "-")}`,
    work: async () => {
      await withRetry(
        () => ctx.driver.remove({ kind: ref.kind as ResourceKind, name: ref.name, id: ref.id, tenant: owner.name }),
        ctx.retry,
      );
      return { ...ref };
    },
  }));
}
