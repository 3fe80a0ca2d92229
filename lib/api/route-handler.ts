import "server-only";
import { getDb } from "@/db";
import { checkAccess } from "@/lib/auth/check-access";
import { routePolicy, type RouteKey } from "@/lib/auth/route-policy";
import { getActor } from "@/lib/auth/session";
import type { Authorized } from "@/lib/auth/authorized";
import { isSameOrigin } from "./same-origin";

type Handler<R extends RouteKey> = (
  request: Request,
  context: Authorized<R> & { params: Record<string, string> },
) => Promise<Response>;

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** Wraps a route handler with the policy check for its route, and an Origin check on changes. */
export function routeHandler<R extends RouteKey>(route: R, handler: Handler<R>) {
  return async (request: Request, context: { params?: Promise<Record<string, string>> }) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
      return json(403, "Cross-origin requests may not change anything.");
    }
    const resolved = (await context?.params) ?? {};
    const decision = await checkAccess(await getDb(), await getActor(), routePolicy[route], resolved.tenant);
    if (!decision.allowed)
      return decision.reason === "unauthenticated" ? json(401, "Sign in first.") : json(404, "Not found.");
    return handler(request, { actor: decision.actor, tenant: decision.tenant, params: resolved } as Authorized<R> & {
      params: Record<string, string>;
    });
  };
}
