import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { tenantName } from "@/lib/tenants/tenant-input";

// It names the page /admin/templates/<name> and the file it exports to.
export const templateName = z
  .string({ error: "Give the template a name." })
  .trim()
  .min(2, "A template name has at least 2 characters.")
  .max(40, "A template name has at most 40 characters.")
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, "Use lowercase letters, digits and hyphens, starting with a letter.");

const description = z.string().trim().max(300, "A description has at most 300 characters.").default("");

/** The body arrives as JSON text from the editor or an imported file; lib/templates/template-body checks it. */
export const saveTemplateInput = z.object({
  name: templateName,
  description,
  body: z.string({ error: "Paste or import the template's JSON." }).max(200_000, "That template is too large."),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateInput>;

export const saveTenantAsTemplateInput = z.object({ tenant: tenantRef, name: templateName, description });
export type SaveTenantAsTemplateInput = z.infer<typeof saveTenantAsTemplateInput>;

const newTenant = {
  name: tenantName,
  infrastructureId: z.uuid("Choose an infrastructure.").optional(),
};

export const createTenantFromTemplateInput = z.object({
  template: templateName,
  version: z.coerce.number().int("A version is a whole number.").min(1, "Versions start at 1.").optional(),
  ...newTenant,
});
export type CreateTenantFromTemplateInput = z.infer<typeof createTenantFromTemplateInput>;

/** "Create a tenant like `stage`": the source is a tenant, copied as it is now. */
export const createTenantLikeInput = z.object({ tenant: tenantRef, ...newTenant });
export type CreateTenantLikeInput = z.infer<typeof createTenantLikeInput>;
