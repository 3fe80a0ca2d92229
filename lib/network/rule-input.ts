import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";

const port = z
  .number({ error: "A port is a whole number." })
  .int("A port is a whole number.")
  .min(1, "Ports run from 1 to 65535.")
  .max(65535, "Ports run from 1 to 65535.");
const ipv4Cidr = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([12]?\d|3[0-2])$/;

export const addNetworkRuleInput = z
  .object({
    tenant: tenantRef,
    sourceTenant: z.string().trim().max(64).optional(),
    cidr: z.string().trim().regex(ipv4Cidr, "Give the CIDR as an IPv4 block such as 10.20.0.0/16.").optional(),
    protocol: z.enum(["tcp", "udp", "all"], { error: "Choose TCP, UDP or all traffic." }),
    fromPort: port.optional(),
    toPort: port.optional(),
  })
  .refine((r) => Boolean(r.sourceTenant) !== Boolean(r.cidr), {
    error: "Allow either a source tenant or a CIDR, not both and not neither.",
  })
  .refine((r) => r.protocol === "all" || r.fromPort !== undefined, {
    error: "Give a port or a port range for TCP and UDP.",
  })
  .refine((r) => r.fromPort === undefined || r.toPort === undefined || r.fromPort <= r.toPort, {
    error: "The range ends before it starts.",
  });
export type AddNetworkRuleInput = z.infer<typeof addNetworkRuleInput>;

export const removeNetworkRuleInput = z.object({ tenant: tenantRef, ruleId: z.uuid("Choose a rule.") });
