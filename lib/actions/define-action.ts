import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db";
import { checkAccess } from "@/lib/auth/check-access";
import { readOnlyMessage } from "@/lib/auth/read-only-message";
import { actionPolicy, type ActionName } from "@/lib/auth/route-policy";
import { getActor } from "@/lib/auth/session";
import { contextFromRequest } from "@/lib/context/context-from-request";
import type { ServiceContext, TenantServiceContext } from "@/lib/context/service-context";
import { DomainError } from "@/lib/errors";
import { log } from "@/lib/observability/logger";
import { tenantRef } from "@/lib/context/tenant-ref";
import type { ActionResult } from "./result";

/** A tenant-scoped action gets its tenant already found and authorized; the others get none. */
export type ActionContext<N extends ActionName> = (typeof actionPolicy)[N] extends `tenant:${string}`
  ? TenantServiceContext
  : ServiceContext;

const tenantScope = z.object({ tenant: tenantRef });

/**
 * A server action's one door: who (session, from the database), where (the tenant named in the
 * input, checked like a missing one when not granted), what (zod; unknown fields are dropped),
 * then the service. Denials come before validation, so a probe learns nothing from the input.
 */
export function defineAction<N extends ActionName, S extends z.ZodType, R = void>(
  name: N,
  schema: S,
  run: (ctx: ActionContext<N>, input: z.infer<S>) => Promise<R>,
) {
  const access = actionPolicy[name];
  return async (raw: unknown): Promise<ActionResult<R>> => {
    try {
      const db = await getDb();
      const scope = access.startsWith("tenant:") ? tenantScope.safeParse(raw) : null;
      if (scope && !scope.success) return { ok: false, code: "not_found", error: "Not found." };
      const decision = await checkAccess(db, await getActor(), access, scope?.data.tenant);
      if (!decision.allowed) {
        if (decision.reason === "unauthenticated")
          return { ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again." };
        if (decision.reason === "read_only")
          return { ok: false, code: "read_only", error: readOnlyMessage(decision.tenant.name) };
        return { ok: false, code: "not_found", error: "Not found." };
      }
      const parsed = await schema.safeParseAsync(raw);
      if (!parsed.success)
        return { ok: false, code: "invalid", error: parsed.error.issues[0]?.message ?? "Check the form." };
      const ctx = contextFromRequest(db, decision, await headers()) as ActionContext<N>;
      return { ok: true, data: await run(ctx, parsed.data) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, error: error.message };
      log.error("action failed", { action: name, error });
      return { ok: false, code: "error", error: "Something went wrong, and nothing was changed. Try again." };
    }
  };
}
