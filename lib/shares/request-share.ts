import type { TenantServiceContext } from "@/lib/context/service-context";
import { can } from "@/lib/auth/policy";
import type { CloudDriver } from "@/lib/cloud/contract";
import { NotFoundError } from "@/lib/errors";
import { auditActor } from "@/lib/audit/record";
import { recordNewShare } from "./record-new-share";
import type { RequestShareInput } from "./share-input";
import { resolveShareTarget } from "./resolve-share-target";

type Options = { driver?: CloudDriver };

/** Tenant B (the context's tenant) asks tenant A for a bucket or database; nothing reaches the cloud until A approves. */
export async function requestShare(
  ctx: TenantServiceContext<"id" | "name" | "status" | "infrastructureId">,
  input: Omit<RequestShareInput, "tenant">,
  options: Options = {},
): Promise<{ shareId: string }> {
  const { db, actor, tenant: grantee } = ctx;
  if (!can(actor, "tenant:write", grantee.id)) throw new NotFoundError();
  const { owner, resourceName } = await resolveShareTarget(db, actor, grantee, input, options.driver);
  return recordNewShare(
    db,
    { owner, grantee, kind: input.kind, resourceName, access: input.access, approved: false },
    { action: "share.requested", ...auditActor(actor), ip: ctx.ip },
    async () => ({}),
  );
}
