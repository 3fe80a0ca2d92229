import "server-only";
import { getDb } from "@/db";
import { checkAccess } from "@/lib/auth/check-access";
import { routePolicy, type RouteKey } from "@/lib/auth/route-policy";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import type { TenantSummary } from "@/lib/tenants/queries";
import { isSameOrigin } from "./same-origin";

type Context = { actor: Actor | null; tenant: TenantSummary | null; params: Record<string, string> };
type Handler = (request: Request, context: Context) => Promise<Response>;

const json = (status: number, error: string) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** Wraps a route handler with the policy check for its route, and an Origin check on changes. */
export function routeHandler(route: RouteKey, handler: Handler) {
  return async (request: Request, { params }: { params: Promise<Record<string, string>> }) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
      return json(403, "Cross-origin requests may not change anything.");
    }
    const resolved = await params;
    const decision = await checkAccess(await getDb(), await getActor(), routePolicy[route], resolved.tenant);
    if (!decision.allowed) return decision.reason === "unauthenticated" ? json(401, "Sign in first.") : json(404, "Not found.");
    return handler(request, { actor: decision.actor, tenant: decision.tenant, params: resolved });
  };
}
