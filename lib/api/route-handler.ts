import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { checkAccess } from "@/lib/auth/check-access";
import { readOnlyMessage } from "@/lib/auth/read-only-message";
import { routePolicy, type RouteKey } from "@/lib/auth/route-policy";
import { getActor } from "@/lib/auth/session";
import type { Authorized } from "@/lib/auth/authorized";
import { contextFromRequest } from "@/lib/context/context-from-request";
import { InvalidCursorError } from "@/lib/cloud/contract";
import { DomainError } from "@/lib/errors";
import { log } from "@/lib/observability/logger";
import { isSameOrigin } from "./same-origin";

/** The service context of an allowed request (its actor and tenant as its policy gives them), and its path parameters. */
export type RouteContext<R extends RouteKey> = Authorized<R> & {
  db: Db;
  ip: string | null;
  params: Record<string, string>;
};

type Handler<R extends RouteKey> = (request: Request, context: RouteContext<R>) => Promise<Response>;

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

const statusOf: Record<DomainError["code"], number> = {
  invalid: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 502,
};

/**
 * Wraps a route handler with the policy check for its route, an Origin check on changes, and the
 * one mapping of domain errors to answers; anything else is logged and answered without detail.
 */
export function routeHandler<R extends RouteKey>(route: R, handler: Handler<R>) {
  return async (request: Request, context: { params?: Promise<Record<string, string>> }) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
      return json(403, "Cross-origin requests may not change anything.");
    }
    try {
      const params = (await context?.params) ?? {};
      const db = await getDb();
      const decision = await checkAccess(db, await getActor(), routePolicy[route], params.tenant);
      if (!decision.allowed) {
        if (decision.reason === "unauthenticated") return json(401, "Sign in first.");
        return decision.reason === "read_only"
          ? json(403, readOnlyMessage(decision.tenant.name))
          : json(404, "Not found.");
      }
      const ctx = { ...contextFromRequest(db, decision, request.headers), params } as RouteContext<R>;
      return await handler(request, ctx);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return json(statusOf[error.code], error.message);
      // The one cloud error that is the caller's doing: a log cursor this API did not hand out.
      if (error instanceof InvalidCursorError) return json(400, `Invalid log query: ${error.message}.`);
      log.error("route handler failed", { route, method: request.method, error });
      return json(500, "Something went wrong. Try again.");
    }
  };
}
