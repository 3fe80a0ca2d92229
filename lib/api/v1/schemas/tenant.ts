import { z } from "zod";
import type { TenantSummary } from "@/lib/context/find-tenant";
import { instant, isoOrNull } from "./time";

export const apiTenant = z
  .object({
    name: z.string().meta({ description: "Unique among live tenants; names the namespace and every cloud resource." }),
    status: z.enum(["provisioning", "ready", "failed", "deleting"]),
    statusMessage: z.string().nullable().meta({ description: "Why a tenant failed, when it did." }),
    infrastructure: z.string().meta({ description: "The infrastructure (VPC and cluster) the tenant lives in." }),
    region: z.string(),
    quota: z
      .object({
        cpu: z.string().optional(),
        memory: z.string().optional(),
        pods: z.number().int().optional(),
      })
      .nullable()
      .meta({ description: "The namespace's resource quota; null for none." }),
    deletionProtection: z.boolean().meta({ description: "While on, the tenant cannot be deleted." }),
    expiresAt: instant.nullable().meta({ description: "When the tenant is deleted by itself; null for never." }),
    createdAt: instant,
  })
  .meta({ id: "Tenant", description: "An environment: the unit of access, isolation, billing and monitoring." });

type TenantRow = Pick<
  TenantSummary,
  | "name"
  | "status"
  | "statusMessage"
  | "infrastructure"
  | "region"
  | "quota"
  | "deletionProtection"
  | "expiresAt"
  | "createdAt"
>;

export function toApiTenant(row: TenantRow): z.input<typeof apiTenant> {
  if (row.status === "deleted") throw new Error("a deleted tenant is never answered");
  return {
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    infrastructure: row.infrastructure,
    region: row.region,
    quota: row.quota,
    deletionProtection: row.deletionProtection,
    expiresAt: isoOrNull(row.expiresAt),
    createdAt: row.createdAt.toISOString(),
  };
}
