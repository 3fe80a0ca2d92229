import { z } from "zod";

export const maxTokenDays = 366;

export const tokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the token a name, so you know later what uses it.")
    .max(80, "Keep the token's name under 80 characters."),
  scope: z.enum(["read", "write"], { error: "Choose read or write as the token's scope." }).default("read"),
  days: z.coerce
    .number({ error: "Give the token's lifetime as a number of days." })
    .int("Give the token's lifetime in whole days.")
    .min(1, "A token lives at least one day.")
    .max(maxTokenDays, "A token lives at most a year (366 days)."),
});
export type TokenInput = z.infer<typeof tokenInput>;

export const tokenIdField = z.uuid({ error: "That token does not exist." });
export const revokeTokenInput = z.object({ tokenId: tokenIdField });
export type RevokeTokenInput = z.infer<typeof revokeTokenInput>;

/** An administrator's new token for a service account: the token's fields and whose it is. */
export const serviceAccountTokenInput = tokenInput.extend({
  userId: z.uuid({ error: "That service account does not exist." }),
});
export type ServiceAccountTokenInput = z.infer<typeof serviceAccountTokenInput>;
