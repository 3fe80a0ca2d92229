import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Authorized } from "./authorized";
import type { Db } from "@/db/client";
import { findTenantByName } from "@/lib/context/find-tenant";
import { checkAccess } from "./check-access";
import { routePolicy, type RouteKey } from "./route-policy";
import { getActor } from "./session";

// The tenant layout and its page both authorize under different route keys: one lookup per request.
// Per render only, so it can never outlive a change to the tenant or a revoked grant.
const findTenantOnce = cache((db: Db, name: string) => findTenantByName(db, name));

/** For pages and layouts: redirects the anonymous to sign in, answers 404 to the rest of the denied. */
export const authorizePage = cache(
  async <R extends RouteKey>(route: R, tenantName?: string): Promise<Authorized<R>> => {
    const decision = await checkAccess(await getDb(), await getActor(), routePolicy[route], tenantName, findTenantOnce);
    if (!decision.allowed) {
      if (decision.reason === "unauthenticated") redirect("/login");
      notFound();
    }
    return { actor: decision.actor, tenant: decision.tenant } as unknown as Authorized<R>;
  },
);
