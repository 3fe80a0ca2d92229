import type { Access } from "../../lib/auth/route-policy";
import { expectedAllowed, type MatrixPersona } from "./expected-access";
import type { Persona } from "./personas";

/**
 * allowed: past the door. hidden: the door's 404, exactly as for a tenant that does not exist.
 * refused: 403, only where the tenant is no secret to the owner. unauthenticated: 401.
 */
export type ApiOutcome = "allowed" | "hidden" | "refused" | "unauthenticated" | "error";

export type TokenPersona = {
  /** Whose permissions the token's owner has, as in the page matrix. */
  as: MatrixPersona;
  owner: Persona | null;
  scope: "read" | "write";
  ended?: "revoked" | "expired";
};

// The page matrix's personas with a write token (so their role or grant is what caps them), and tokens that must not work.
export const apiPersonas = {
  "no token": { as: "anonymous", owner: null, scope: "read" },
  admin: { as: "admin", owner: "admin", scope: "write" },
  "admin, read token": { as: "admin", owner: "admin", scope: "read" },
  auditor: { as: "auditor", owner: "audrey", scope: "write" },
  "write on A": { as: "write on A", owner: "alice", scope: "write" },
  "write on A, read token": { as: "write on A", owner: "alice", scope: "read" },
  "read on A": { as: "read on A", owner: "bob", scope: "write" },
  "no grant": { as: "no grant", owner: "nina", scope: "write" },
  "revoked token": { as: "write on A", owner: "alice", scope: "write", ended: "revoked" },
  "expired token": { as: "write on A", owner: "alice", scope: "write", ended: "expired" },
} as const satisfies Record<string, TokenPersona>;
export type ApiPersona = keyof typeof apiPersonas;

// Written apart from lib/auth/policy.ts and the door on purpose: the matrix checks them against this.
export function expectedApiOutcome(persona: TokenPersona, access: Access, tenant: "A" | "B"): ApiOutcome {
  if (access === "public") return "allowed";
  if (!persona.owner || persona.ended) return "unauthenticated";
  const ownerMay = expectedAllowed(persona.as, access, tenant);
  if (ownerMay && (persona.scope === "write" || !access.endsWith(":write"))) return "allowed";
  if (ownerMay) return "refused";
  if (access === "tenant:write" && expectedAllowed(persona.as, "tenant:read", tenant)) return "refused";
  return "hidden";
}

const doorDenial = JSON.stringify({ error: { code: "not_found", message: "Not found.", field: null } });

/** What an answer shows: a 404 is the door's only when it is exactly its bare "Not found.". */
export function classifyApiAnswer(status: number, body: string): ApiOutcome {
  if (status === 401 && body.includes('"code":"unauthenticated"')) return "unauthenticated";
  if (status === 404 && body === doorDenial) return "hidden";
  if (status === 403 && /"code":"(forbidden|insufficient_scope)"/.test(body)) return "refused";
  if (status >= 200 && status < 300) return "allowed";
  // Past the door: the input refused (400 names its field), a thing missing inside the tenant, a conflict.
  if ([400, 404, 409, 422].includes(status) && body.startsWith('{"error":{')) return "allowed";
  return "error";
}

/** A leak: through where the policy says no, or a 403 that tells a hidden tenant exists. */
export const isLeak = (expected: ApiOutcome, actual: ApiOutcome) =>
  (actual === "allowed" && expected !== "allowed") || (actual === "refused" && expected === "hidden");
