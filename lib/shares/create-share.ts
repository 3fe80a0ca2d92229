import { and, eq, ne } from "drizzle-orm";
import { tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor } from "@/lib/audit/record";
import { can } from "@/lib/auth/policy";
import type { CloudDriver } from "@/lib/cloud/contract";
import { NotFoundError } from "@/lib/errors";
import { recordNewShare } from "./record-new-share";
import type { CreateShareInput } from "./share-input";
import { resolveShareTarget } from "./resolve-share-target";
import { startShareOperation } from "./start-share-operation";

/** An administrator's share: requested and approved at once, its grant started on the owner's engine. */
export async function createShare(
  ctx: ServiceContext,
  input: CreateShareInput,
  options: { driver?: CloudDriver } = {},
) {
  const { db, actor } = ctx;
  if (!can(actor, "admin:write")) throw new NotFoundError();
  const [grantee] = await db
    .select()
    .from(tenants)
    .where(and(eq(tenants.name, input.grantee), ne(tenants.status, "deleted")));
  if (!grantee) throw new NotFoundError(`There is no tenant ${input.grantee}.`);
  const { owner, resourceName } = await resolveShareTarget(db, actor, grantee, input, options.driver);
  return recordNewShare(
    db,
    { owner, grantee, kind: input.kind, resourceName, access: input.access, approved: true },
    { action: "share.created", ...auditActor(actor), ip: ctx.ip },
    async (tx, share) => ({ operationId: await startShareOperation(tx, owner, share.id) }),
  );
}
