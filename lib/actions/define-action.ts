import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { checkAccess } from "@/lib/auth/check-access";
import { actionPolicy, type ActionName } from "@/lib/auth/route-policy";
import { getActor } from "@/lib/auth/session";
import type { TenantSummary } from "@/lib/tenants/queries";
import { DomainError } from "@/lib/errors";
import type { ActionResult } from "./result";

export type ActionContext = { db: Db; actor: Actor; tenant: TenantSummary | null; ip: string | null };

const tenantScope = z.object({ tenant: z.string().max(64) });

/**
 * A server action's one door: who (session, from the database), where (the tenant named in the
 * input, checked like a missing one when not granted), what (zod; unknown fields are dropped),
 * then the service. Denials come before validation, so a probe learns nothing from the input.
 */
export function defineAction<S extends z.ZodType, R = void>(
  name: ActionName,
  schema: S,
  run: (ctx: ActionContext, input: z.infer<S>) => Promise<R>,
) {
  const access = actionPolicy[name];
  return async (raw: unknown): Promise<ActionResult<R>> => {
    try {
      const db = await getDb();
      const scope = access.startsWith("tenant:") ? tenantScope.safeParse(raw) : null;
      if (scope && !scope.success) return { ok: false, code: "not_found", error: "Not found." };
      const decision = await checkAccess(db, await getActor(), access, scope?.data.tenant);
      if (!decision.allowed) {
        return decision.reason === "unauthenticated"
          ? { ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again." }
          : { ok: false, code: "not_found", error: "Not found." };
      }
      const parsed = await schema.safeParseAsync(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return {
          ok: false,
          code: "invalid",
          error: first?.message ?? "Check the form.",
          field: first?.path.join(".") || undefined,
        };
      }
      const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
      const data = await run({ db, actor: decision.actor!, tenant: decision.tenant, ip }, parsed.data);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, error: error.message };
      console.error(
        JSON.stringify({
          level: "error",
          action: name,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      return { ok: false, code: "error", error: "Something went wrong, and nothing was changed. Try again." };
    }
  };
}
