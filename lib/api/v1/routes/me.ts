import { z } from "zod";
import { defineApiRoute } from "../define-route";

export const meResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["admin", "auditor", "user"]),
    token: z.object({ id: z.uuid(), name: z.string(), scope: z.enum(["read", "write"]) }),
  })
  .meta({ id: "Me", description: "The user (or service account) a token acts for, and the token." });

export const getMe = defineApiRoute({
  operation: "GET /api/v1/me",
  tag: "Account",
  summary: "Who this token acts for",
  description: "A pipeline's first call: check the token works and see whose permissions it carries.",
  response: meResponse,
  async handle({ actor }) {
    return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, token: actor.token! };
  },
});
