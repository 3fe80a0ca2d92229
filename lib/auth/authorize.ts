import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Authorized } from "./authorized";
import { checkAccess } from "./check-access";
import { routePolicy, type RouteKey } from "./route-policy";
import { getActor } from "./session";

/** For pages and layouts: redirects the anonymous to sign in, answers 404 to the rest of the denied. */
export const authorizePage = cache(async <R extends RouteKey>(route: R, tenantName?: string): Promise<Authorized<R>> => {
  const decision = await checkAccess(await getDb(), await getActor(), routePolicy[route], tenantName);
  if (!decision.allowed) {
    if (decision.reason === "unauthenticated") redirect("/login");
    notFound();
  }
  return { actor: decision.actor, tenant: decision.tenant } as unknown as Authorized<R>;
});
