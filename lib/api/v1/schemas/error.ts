import { z } from "zod";

// The codes of lib/api/v1/api-error.ts (tests/openapi-document.test.ts checks they agree).
const codes = [
  "invalid",
  "unauthenticated",
  "not_found",
  "conflict",
  "unavailable",
  "forbidden",
  "insufficient_scope",
  "rate_limited",
  "idempotency_mismatch",
  "idempotency_in_progress",
  "internal",
] as const;

/** The one error shape every /api/v1 operation answers with (lib/api/v1/api-error.ts writes it). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(codes).meta({ description: "Stable, for programs to branch on." }),
      message: z.string().meta({ description: "For people: what went wrong and what to do about it." }),
      field: z
        .string()
        .nullable()
        .meta({ description: "The input at fault (`body.name`, `query.cursor`, `Idempotency-Key`), or null." }),
    }),
  })
  .meta({ id: "Error", description: "Every refusal and failure of the API." });
