import { eq, max } from "drizzle-orm";
import { templates, templateVersions } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context/service-context";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { parseTemplateBody, type TemplateBody } from "./template-body";

/**
 * Saves a body under a name: the first save makes version 1, each later one the next version.
 * The template's row is locked while its next number is taken, so two saves cannot share one.
 */
export async function saveTemplateVersion(
  ctx: ServiceContext,
  input: { name: string; description?: string; body: unknown },
): Promise<{ name: string; version: number }> {
  const parsed = parseTemplateBody(input.body);
  if (!parsed.ok) throw new InvalidInputError(parsed.error);
  const body: TemplateBody = parsed.body;
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx
        .insert(templates)
        .values({ name: input.name, description: input.description ?? "", createdBy: ctx.actor.id })
        .onConflictDoNothing();
      const [template] = await tx.select().from(templates).where(eq(templates.name, input.name)).for("update");
      if (input.description && input.description !== template!.description)
        await tx.update(templates).set({ description: input.description }).where(eq(templates.id, template!.id));
      const [latest] = await tx
        .select({ version: max(templateVersions.version) })
        .from(templateVersions)
        .where(eq(templateVersions.templateId, template!.id));
      const version = (latest?.version ?? 0) + 1;
      await tx.insert(templateVersions).values({ templateId: template!.id, version, body, createdBy: ctx.actor.id });
      await recordAudit(tx, {
        ...auditActor(ctx.actor),
        action: "template.saved",
        target: input.name,
        details: { version, resources: body.resources.length },
        ip: ctx.ip,
      });
      return { name: input.name, version };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(`${input.name} was saved by someone else just now; save again.`);
    throw error;
  }
}
