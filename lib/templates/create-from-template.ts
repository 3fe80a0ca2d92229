import { and, eq, ne } from "drizzle-orm";
import { tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { createTenantFromBody } from "./create-from-body";
import { snapshotTenant } from "./snapshot-tenant";
import { parseTemplateBody } from "./template-body";
import type { CreateTenantFromTemplateInput, CreateTenantLikeInput } from "./template-input";
import { getTemplateVersion } from "./template-queries";
import { saveTemplateVersion } from "./save-template";

async function findSource(ctx: ServiceContext, name: string) {
  const [tenant] = await ctx.db
    .select()
    .from(tenants)
    .where(and(eq(tenants.name, name), ne(tenants.status, "deleted")));
  if (!tenant) throw new NotFoundError("That tenant does not exist.");
  return tenant;
}

/** A new tenant from a template's latest version, or the version named. */
export async function createTenantFromTemplate(ctx: ServiceContext, input: CreateTenantFromTemplateInput) {
  const found = await getTemplateVersion(ctx.db, input.template, input.version);
  if (!found)
    throw new NotFoundError(
      input.version ? `${input.template} has no version ${input.version}.` : `No template named ${input.template}.`,
    );
  // Stored bodies were checked when saved; checked again, as the schemas may have grown stricter since.
  const parsed = parseTemplateBody(found.body);
  if (!parsed.ok) throw new InvalidInputError(`Version ${found.version} of ${found.name}: ${parsed.error}`);
  if (!input.infrastructureId) throw new InvalidInputError("Choose an infrastructure.");
  return createTenantFromBody(ctx, {
    name: input.name,
    infrastructureId: input.infrastructureId,
    body: parsed.body,
    origin: { template: found.name, version: found.version },
  });
}

/** "Create a tenant like `stage`": a live snapshot of the source, no template saved. */
export async function createTenantLike(ctx: ServiceContext, input: CreateTenantLikeInput) {
  const source = await findSource(ctx, input.tenant);
  return createTenantFromBody(ctx, {
    name: input.name,
    infrastructureId: input.infrastructureId ?? source.infrastructureId,
    body: await snapshotTenant(ctx.db, source),
    origin: { likeTenant: source.name },
  });
}

/** Saves the tenant as it is now as the next version of the named template. */
export async function saveTenantAsTemplate(
  ctx: ServiceContext,
  input: { tenant: string; name: string; description?: string },
) {
  const source = await findSource(ctx, input.tenant);
  return saveTemplateVersion(ctx, {
    name: input.name,
    description: input.description,
    body: await snapshotTenant(ctx.db, source),
  });
}
