import type { Access } from "../../lib/auth/route-policy";

// Written apart from lib/auth/policy.ts on purpose: the matrix checks the code against this.
export const matrixPersonas = {
  anonymous: { role: null, grants: {} },
  "no grant": { role: "user", grants: {} },
  "read on A": { role: "user", grants: { A: "read" } },
  "write on A": { role: "user", grants: { A: "write" } },
  auditor: { role: "auditor", grants: {} },
  admin: { role: "admin", grants: {} },
} as const satisfies Record<string, { role: string | null; grants: Partial<Record<"A" | "B", "read" | "write">> }>;
export type MatrixPersona = keyof typeof matrixPersonas;

export function expectedAllowed(persona: MatrixPersona, access: Access, tenant: "A" | "B"): boolean {
  const { role, grants } = matrixPersonas[persona];
  const grant = (grants as Partial<Record<"A" | "B", string>>)[tenant];
  switch (access) {
    case "public":
      return true;
    case "signed-in":
      return role !== null;
    case "admin:write":
      return role === "admin";
    case "admin:read":
      return role === "admin" || role === "auditor";
    case "tenant:read":
      return role === "admin" || role === "auditor" || grant !== undefined;
    case "tenant:write":
      return role === "admin" || grant === "write";
  }
}
