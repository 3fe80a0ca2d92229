import { z } from "zod";
import { grantInput } from "@/lib/grants/grant-tenant-access";
import { instant } from "./time";

export const apiUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    kind: z.enum(["person", "service"]).meta({ description: "service: a service account, for pipelines." }),
  })
  .meta({ id: "User" });

export const apiGrant = z
  .object({
    user: apiUser,
    level: z.enum(["read", "write"]),
    expiresAt: instant.nullable().meta({ description: "When the grant lapses; null for never." }),
    source: z.string().meta({
      description: "direct: given by an administrator (the API can change it); group:NAME: by an SSO group at sign-in.",
    }),
  })
  .meta({ id: "Grant", description: "A user's access to a tenant." });

export const grantBody = grantInput
  .pick({ level: true, expiresAt: true })
  .meta({ id: "GrantInput", description: "The level to give, and when it lapses (leave out or null for never)." });
