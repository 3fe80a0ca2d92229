import { z } from "zod";
import { shareResourceKinds } from "@/db/schema";
import { tenantRef } from "@/lib/context/tenant-ref";

const accessByKind = { bucket: ["read", "read-write"], database: ["connect"] } as const;

const shareTarget = {
  owner: z.string().trim().min(1, "Name the tenant that owns the resource.").max(64),
  kind: z.enum(shareResourceKinds, { error: "Choose a bucket or a database." }),
  resource: z
    .string()
    .trim()
    .min(1, "Name the bucket or database to share.")
    .max(128, "Resource names are at most 128 characters."),
  access: z.enum(["read", "read-write", "connect"], { error: "Choose the access: read, read-write or connect." }),
};

const accessFitsKind = (s: { kind: keyof typeof accessByKind; access: string }) =>
  (accessByKind[s.kind] as readonly string[]).includes(s.access);
const accessMessage = "A bucket is shared for read or read-write, a database for connect.";

/** Tenant B (the URL's tenant) asks for a resource of tenant A (`owner`). */
export const requestShareInput = z
  .object({ tenant: tenantRef, ...shareTarget })
  .refine(accessFitsKind, { error: accessMessage, path: ["access"] });
export type RequestShareInput = z.infer<typeof requestShareInput>;

/** An administrator makes a share between two named tenants at once, with no request to approve. */
export const createShareInput = z
  .object({ grantee: z.string().trim().min(1, "Name the tenant that gets the access.").max(64), ...shareTarget })
  .refine(accessFitsKind, { error: accessMessage, path: ["access"] });
export type CreateShareInput = z.infer<typeof createShareInput>;

export const decideShareInput = z.object({
  tenant: tenantRef,
  shareId: z.uuid("Choose a share."),
  decision: z.enum(["approve", "decline"], { error: "Approve or decline the request." }),
});
export type DecideShareInput = z.infer<typeof decideShareInput>;

export const revokeShareInput = z.object({ tenant: tenantRef, shareId: z.uuid("Choose a share.") });
export type RevokeShareInput = z.infer<typeof revokeShareInput>;
