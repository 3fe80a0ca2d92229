import type { TenantSummary } from "@/lib/context/find-tenant";
import type { Actor } from "@/lib/context/actor";
import type { RouteKey, routePolicy } from "./route-policy";

/** What a route gets once allowed: an actor unless it is public, and its tenant when it has one. */
export type Authorized<R extends RouteKey> = (typeof routePolicy)[R] extends "public"
  ? { actor: Actor | null }
  : R extends `${string}[tenant]${string}`
    ? { actor: Actor; tenant: TenantSummary }
    : { actor: Actor };
