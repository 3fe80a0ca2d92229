import { z } from "zod";
import { instant } from "./time";

export const apiAuditEvent = z
  .object({
    id: z.number().int(),
    at: instant,
    action: z.string().meta({ example: "tenant.create" }),
    tenant: z.string().nullable(),
    target: z
      .string()
      .nullable()
      .meta({ description: "What the change was to: a tenant, a user's email, a resource." }),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    actor: z
      .object({ id: z.uuid(), name: z.string(), email: z.string(), kind: z.enum(["person", "service"]) })
      .nullable()
      .meta({ description: "Who made the change; null for the system, or a user since deleted." }),
    token: z
      .object({ id: z.uuid(), name: z.string().nullable() })
      .nullable()
      .meta({ description: "The access token the change came through; null for the browser or the system." }),
  })
  .meta({ id: "AuditEvent", description: "One change, as the audit log keeps it." });
