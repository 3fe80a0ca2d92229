import { infrastructures } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { cloudDescriptors, describeConfigIssues } from "@/lib/cloud/registry";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { isUniqueViolation } from "@/db/errors";
import type { RegisterInfrastructureInput } from "./infrastructure-input";

/** Records a place tenants can live; nothing is created in the cloud until a tenant is. */
export async function registerInfrastructure(ctx: ServiceContext, input: RegisterInfrastructureInput) {
  // The same schema driverFor reads it with, so what is stored can always be opened.
  const parsed = cloudDescriptors[input.driver].configSchema.safeParse(input.config);
  if (!parsed.success)
    throw new InvalidInputError(
      `Infrastructure "${input.name}" has an invalid configuration: ${describeConfigIssues(parsed.error)}`,
    );
  const config = parsed.data;
  return ctx.db.transaction(async (tx) => {
    let row;
    try {
      [row] = await tx
        .insert(infrastructures)
        .values({ name: input.name, driver: input.driver, region: input.region, config })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An infrastructure named ${input.name} already exists.`);
      throw error;
    }
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "infrastructure.register",
      target: input.name,
      details: { infrastructureId: row!.id, driver: input.driver, region: input.region, config },
      ip: ctx.ip,
    });
    return { id: row!.id, name: row!.name };
  });
}
