import { z } from "zod";
import { tenantNameProblem } from "./tenant-name-rule";

// A DNS label: it names the Kubernetes namespace and prefixes every cloud resource of the tenant.
export const tenantName = z
  .string({ error: "Give the tenant a name." })
  .trim()
  .superRefine((name, ctx) => {
    const problem = tenantNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const tenantQuota = z
  .object({
    cpu: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?m?$/, "CPU is a number of cores, such as 4 or 500m.")
      .max(12)
      .optional(),
    memory: z
      .string()
      .trim()
      .regex(/^\d+(Mi|Gi|Ti)$/, "Memory is an amount such as 512Mi or 8Gi.")
      .max(12)
      .optional(),
    pods: z
      .number({ error: "Pods is a whole number." })
      .int("Pods is a whole number.")
      .min(1, "Allow at least one pod.")
      .max(10_000, "At most 10,000 pods.")
      .optional(),
  })
  .nullish();

export const futureInstant = z.iso
  .datetime({ offset: true, error: "Give the expiry as a date and time." })
  .refine((v) => new Date(v).getTime() > Date.now(), "The expiry must be in the future.");

export const createTenantInput = z
  .object({
    name: tenantName.meta({ description: "A DNS label, 2 to 30 characters: lowercase letters, digits, hyphens." }),
    infrastructureId: z.uuid("Choose an infrastructure.").meta({ description: "Where the tenant lives." }),
    quota: tenantQuota,
    expiresAt: futureInstant.nullish().meta({ description: "Delete the tenant by itself at this instant." }),
    deletionProtection: z.boolean({ error: "Deletion protection is on or off." }).default(true),
  })
  .meta({ id: "CreateTenantInput", description: "What the new-tenant form asks for." });
export type CreateTenantInput = z.infer<typeof createTenantInput>;
