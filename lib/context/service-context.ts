import type { Db } from "@/db/client";
import type { Actor } from "./actor";
import type { TenantSummary } from "./find-tenant";

/** What every service needs from its caller: the database (or a test's transaction), who acts, and from where. */
export type ServiceContext = { db: Db; actor: Actor; ip: string | null };

/**
 * For a tenant-scoped service: the tenant the request named, already found and authorized for the
 * actor. A service names the fields it reads, so a test can hand it a tenant row as it is.
 */
export type TenantServiceContext<Reads extends keyof TenantSummary = keyof TenantSummary> = ServiceContext & {
  tenant: Pick<TenantSummary, Reads>;
};
