import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db";
import { apiPolicy } from "@/lib/auth/route-policy";
import { clientIp } from "@/lib/context/context-from-request";
import { DomainError, InvalidInputError } from "@/lib/errors";
import { log } from "@/lib/observability/logger";
import { apiError, statusOfDomainError } from "./api-error";
import { authorizeApiRequest } from "./authorize-api-request";
import type { ApiRoute } from "./define-route";
import { parseApiInput } from "./parse-api-input";
import { withIdempotency } from "./with-idempotency";

type NextContext = { params?: Promise<Record<string, string>> };

/**
 * The one door of /api/v1: bearer token → rate limit → policy (a tenant the token may not read is
 * a 404) → zod → idempotency → the service. Errors answer `{ error: { code, message, field } }`.
 */
export function serveApi(route: ApiRoute) {
  const access = apiPolicy[route.operation];
  return async (request: Request, next: NextContext): Promise<Response> => {
    try {
      const params = (await next?.params) ?? {};
      const db = await getDb();
      const door = await authorizeApiRequest(db, request, access, params.tenant);
      if (door instanceof Response) return door;
      const input = await parseApiInput(route, request, params);
      if (input instanceof Response) return input;
      const ctx = { db, actor: door.actor, ip: clientIp(request.headers), params, ...door.scope };
      // The query too: a DELETE says what it wants there (a database's finalSnapshot).
      const fingerprintInput = JSON.stringify([input.values.query ?? null, input.values.body ?? null]);
      return await withIdempotency(db, request, door.actor?.token?.id, fingerprintInput, () =>
        answer(route, ctx, input.values),
      );
    } catch (error) {
      unstable_rethrow(error);
      log.error("api request failed", { operation: route.operation, error });
      return apiError(500, "internal", "Something went wrong. Try again.");
    }
  };
}

/** The service's answer, checked against the schema the document shows; its refusals as the API words them. */
async function answer(route: ApiRoute, ctx: unknown, values: unknown): Promise<Response> {
  try {
    const result = await route.handle(ctx as never, values as never);
    const body = route.response.safeParse(result);
    if (!body.success) {
      log.error("api answer does not match its schema", { operation: route.operation, issues: body.error.issues });
      return apiError(500, "internal", "Something went wrong. Try again.");
    }
    return Response.json(body.data, { status: route.status ?? 200, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof DomainError) {
      const field = error instanceof InvalidInputError ? error.field : null;
      return apiError(statusOfDomainError[error.code], error.code, error.message, field);
    }
    throw error;
  }
}
