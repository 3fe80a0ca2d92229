import type { z } from "zod";
import type { DomainError } from "@/lib/errors";

/** The one error shape of /api/v1: a stable code for programs, a sentence for people, the field at fault. */
export type ApiErrorCode =
  | DomainError["code"]
  | "forbidden"
  | "insufficient_scope"
  | "rate_limited"
  | "idempotency_mismatch"
  | "idempotency_in_progress"
  | "internal";

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  field?: string | null,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, field: field ?? null } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

export const statusOfDomainError: Record<DomainError["code"], number> = {
  invalid: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 502,
};

/** A zod failure as the API answers it: the first problem, and where (`body.name`, `query.cursor`). */
export function invalidInput(part: "path" | "query" | "body", error: z.ZodError): Response {
  const issue = error.issues[0];
  const field = [part, ...(issue?.path ?? [])].join(".");
  return apiError(400, "invalid", issue?.message ?? "Check the request.", field);
}
