import { and, eq, ne } from "drizzle-orm";
import { infrastructures, tenants, type ResourceRequest } from "@/db/schema";
import type { ServiceContext, TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { driverFor, driverForInfrastructureId } from "@/lib/cloud";
import type { CloudDriver } from "@/lib/cloud/contract";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { bucketCloudName, databaseCloudName, toTenantResources, userKinds } from "./resource-kinds";
import { databaseSizes } from "./database-options";
import { hostSizes, type CreateResourceInput, type DeleteResourceInput } from "./resource-input";

export function toCreateRequest(
  tenant: string,
  input: CreateResourceInput,
  hostImageId: string | undefined,
): ResourceRequest {
  if (input.kind === "service") {
    const { image, replicas, port, expose } = input;
    return {
      action: "create",
      kind: "service",
      name: input.name,
      attributes: { image, replicas, expose, ...(port ? { port } : {}) },
    };
  }
  if (input.kind === "host")
    return {
      action: "create",
      kind: "host",
      name: input.name,
      attributes: { instanceType: hostSizes[input.size], ...(hostImageId ? { imageId: hostImageId } : {}) },
    };
  if (input.kind === "database") {
    const { engine, engineVersion, size, storageGiB, multiAz } = input;
    const instanceClass = databaseSizes[size].instanceClass;
    return {
      action: "create",
      kind: "database",
      name: databaseCloudName(tenant, input.name),
      attributes: { engine, engineVersion, instanceClass, storageGiB, multiAz },
    };
  }
  return { action: "create", kind: "bucket", name: bucketCloudName(tenant, input.name) };
}

async function findExisting(
  driver: CloudDriver,
  tenant: { name: string },
  kind: ResourceRequest["kind"],
  name: string,
) {
  if (driver.supports && !driver.supports(userKinds[kind].cloudKind)) {
    throw new ConflictError(
      kind === "database"
        ? "This tenant's infrastructure is a Kubernetes cluster only, which has no database service; databases need an AWS or local infrastructure."
        : `This tenant's infrastructure has no ${userKinds[kind].singular}s; choose another kind of resource.`,
    );
  }
  return (
    toTenantResources(await driver.listTenantResources(tenant.name)).find((r) => r.kind === kind && r.name === name) ??
    null
  );
}

/** Records the operation (and its audit) in one transaction, on a ready tenant only; the caller enqueues after commit. */
async function startResourceOperation(
  ctx: ServiceContext,
  tenantId: string,
  request: ResourceRequest,
): Promise<{ operationId: string }> {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(tenants)
      .where(and(eq(tenants.id, tenantId), ne(tenants.status, "deleted")))
      .for("update");
    if (!tenant) throw new NotFoundError();
    if (tenant.status !== "ready")
      throw new ConflictError(`Resources can be changed once ${tenant.name} is ready; it is ${tenant.status}.`);
    const operationId = await startTenantOperation(tx, tenant.id, "resource", request);
    const target = `${request.kind} ${request.name}`;
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: `resource.${request.action}_requested`,
      tenantId: tenant.id,
      target,
      details: { operationId, ...request.attributes },
      ip: ctx.ip,
    });
    return { operationId };
  });
}

export async function requestResourceCreation(
  ctx: TenantServiceContext<"id" | "name" | "infrastructureId">,
  input: CreateResourceInput,
) {
  const { tenant } = ctx;
  // An AWS infrastructure names the machine image its hosts boot (config.hostImageId).
  const [infrastructure] = await ctx.db
    .select()
    .from(infrastructures)
    .where(eq(infrastructures.id, tenant.infrastructureId));
  if (!infrastructure) throw new Error(`Infrastructure ${tenant.infrastructureId} does not exist.`);
  const { config } = infrastructure;
  const request = toCreateRequest(tenant.name, input, "hostImageId" in config ? config.hostImageId : undefined);
  if (await findExisting(await driverFor(ctx.db, infrastructure), tenant, request.kind, request.name)) {
    throw new ConflictError(
      `A ${userKinds[request.kind].singular} named ${request.name} already exists in ${tenant.name}.`,
    );
  }
  return startResourceOperation(ctx, tenant.id, request);
}

export async function requestResourceDeletion(
  ctx: TenantServiceContext<"id" | "name" | "infrastructureId">,
  input: DeleteResourceInput,
) {
  const { tenant } = ctx;
  if (
    !(await findExisting(
      await driverForInfrastructureId(ctx.db, tenant.infrastructureId),
      tenant,
      input.kind,
      input.name,
    ))
  )
    throw new NotFoundError(`No ${userKinds[input.kind].singular} named ${input.name} in ${tenant.name}.`);
  const finalSnapshot = input.kind === "database" && input.finalSnapshot === true;
  return startResourceOperation(ctx, tenant.id, {
    action: "delete",
    kind: input.kind,
    name: input.name,
    ...(finalSnapshot ? { attributes: { finalSnapshot } } : {}),
  });
}
