import { describe, expect, it } from "vitest";
import type { GrantLevel, UserRole } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";
import { accessLabel, can, permissionsOf, seesAllTenants } from "@/lib/auth/policy";
import { actionPolicy, apiPolicy, routePolicy } from "@/lib/auth/route-policy";

const dev = "11111111-1111-4111-8111-111111111111";
const prod = "22222222-2222-4222-8222-222222222222";

function actor(role: UserRole, grants: Record<string, GrantLevel> = {}): Actor {
  return { id: "actor", email: "actor@example.com", name: "Actor", role, grants: new Map(Object.entries(grants)) };
}

describe("policy", () => {
  it("lets an admin do everything, on every tenant", () => {
    const admin = actor("admin");
    expect([...permissionsOf(admin, prod)].sort()).toEqual([
      "admin:read",
      "admin:write",
      "tenant:read",
      "tenant:write",
    ]);
    expect(can(admin, "admin:write")).toBe(true);
    expect(seesAllTenants(admin)).toBe(true);
  });

  it("lets an auditor read every tenant and the admin area, but change nothing", () => {
    const auditor = actor("auditor");
    expect(can(auditor, "tenant:read", prod)).toBe(true);
    expect(can(auditor, "admin:read")).toBe(true);
    expect(can(auditor, "tenant:write", prod)).toBe(false);
    expect(can(auditor, "admin:write")).toBe(false);
    expect(seesAllTenants(auditor)).toBe(true);
    expect(accessLabel(auditor, prod)).toBe("auditor (read)");
  });

  it("lets a user with a read grant read that tenant only", () => {
    const readerOnDev = actor("user", { [dev]: "read" });
    expect([...permissionsOf(readerOnDev, dev)]).toEqual(["tenant:read"]);
    expect(can(readerOnDev, "tenant:write", dev)).toBe(false);
    expect(can(readerOnDev, "tenant:read", prod)).toBe(false);
    expect(accessLabel(readerOnDev, dev)).toBe("read");
  });

  it("lets a user with a write grant read and change that tenant, but not administer it", () => {
    const writer = actor("user", { [dev]: "write" });
    expect([...permissionsOf(writer, dev)].sort()).toEqual(["tenant:read", "tenant:write"]);
    expect(can(writer, "admin:write")).toBe(false);
    expect(can(writer, "tenant:write", prod)).toBe(false);
  });

  it("gives a user without grants nothing, and sees only granted tenants", () => {
    const user = actor("user");
    expect(permissionsOf(user, dev).size).toBe(0);
    expect(permissionsOf(actor("user", { [dev]: "write" })).size).toBe(0);
    expect(can(user, "admin:read")).toBe(false);
    expect(seesAllTenants(actor("user", { [dev]: "write" }))).toBe(false);
    expect(accessLabel(user, dev)).toBe("none");
  });

  it("guards the audit log's CSV export like the audit page: administrators and auditors only", () => {
    const access = routePolicy["/api/admin/audit/export"];
    expect(access).toBe(routePolicy["/admin/audit"]);
    expect(can(actor("admin"), access)).toBe(true);
    expect(can(actor("auditor"), access)).toBe(true);
    expect(can(actor("user", { [dev]: "write" }), access, dev)).toBe(false);
  });

  it("refuses everything to nobody", () => {
    expect(can(null, "tenant:read", dev)).toBe(false);
  });

  it("lets anyone who reads a tenant poll its alert summary, as they read its alerts", () => {
    expect(routePolicy["/api/t/[tenant]/alerts/summary"]).toBe(routePolicy["/t/[tenant]/alerts"]);
    expect(routePolicy["/api/t/[tenant]/alerts/summary"]).toBe("tenant:read");
  });
});

describe("the command palette's lookups", () => {
  it("lets a tenant's readers list its resources and only administrators and auditors search users", () => {
    expect(routePolicy["/api/t/[tenant]/resources"]).toBe("tenant:read");
    expect(routePolicy["/api/admin/users"]).toBe("admin:read");
    const reader = actor("user", { [dev]: "read" });
    expect(can(reader, routePolicy["/api/t/[tenant]/resources"], dev)).toBe(true);
    expect(can(reader, routePolicy["/api/t/[tenant]/resources"], prod)).toBe(false);
    expect(can(reader, routePolicy["/api/admin/users"])).toBe(false);
    expect(can(actor("auditor"), routePolicy["/api/admin/users"])).toBe(true);
  });
});

describe("a database's password", () => {
  it("is revealed to a tenant's writers only, like its PEM key", () => {
    const access = actionPolicy.revealDatabasePassword;
    expect(access).toBe(routePolicy["/api/t/[tenant]/pem"]);
    expect(can(actor("user", { [dev]: "write" }), access, dev)).toBe(true);
    expect(can(actor("user", { [dev]: "read" }), access, dev)).toBe(false);
    expect(can(actor("auditor"), access, dev)).toBe(false);
    expect(can(actor("user", { [dev]: "write" }), access, prod)).toBe(false);
  });
});

describe("shares between tenants", () => {
  it("lets a tenant's writers request, decide and revoke shares on it, readers only look, and only administrators create one at once", () => {
    for (const action of ["requestShare", "decideShare", "revokeShare"] as const)
      expect(actionPolicy[action]).toBe("tenant:write");
    expect(actionPolicy.createShare).toBe("admin:write");
    expect(routePolicy["/t/[tenant]/network"]).toBe("tenant:read");
    const writer = actor("user", { [dev]: "write", [prod]: "read" });
    expect(can(writer, actionPolicy.requestShare, dev)).toBe(true);
    expect(can(writer, actionPolicy.decideShare, prod)).toBe(false);
    expect(can(writer, actionPolicy.createShare)).toBe(false);
    expect(can(actor("auditor"), actionPolicy.revokeShare, dev)).toBe(false);
    expect(can(actor("admin"), actionPolicy.createShare)).toBe(true);
  });
});

describe("templates", () => {
  it("lets administrators change templates and make tenants from them, and auditors only look", () => {
    expect(routePolicy["/admin/templates"]).toBe("admin:read");
    expect(routePolicy["/admin/templates/[name]"]).toBe("admin:read");
    for (const action of [
      "saveTemplate",
      "saveTenantAsTemplate",
      "createTenantFromTemplate",
      "createTenantLike",
    ] as const) {
      expect(actionPolicy[action]).toBe("admin:write");
      expect(can(actor("admin"), actionPolicy[action])).toBe(true);
      expect(can(actor("auditor"), actionPolicy[action])).toBe(false);
      expect(can(actor("user", { [dev]: "write" }), actionPolicy[action], dev)).toBe(false);
    }
    expect(can(actor("auditor"), routePolicy["/admin/templates/[name]"])).toBe(true);
    expect(can(actor("user", { [dev]: "write" }), routePolicy["/admin/templates"])).toBe(false);
  });
});

describe("a token's scope", () => {
  const through = (a: Actor, scope: "read" | "write"): Actor => ({ ...a, token: { id: "t", name: "ci", scope } });

  it("caps its owner at reading: a read token of an admin or a writer changes nothing", () => {
    expect([...permissionsOf(through(actor("admin"), "read"), prod)].sort()).toEqual(["admin:read", "tenant:read"]);
    const writer = through(actor("user", { [dev]: "write" }), "read");
    expect(can(writer, "tenant:read", dev)).toBe(true);
    expect(can(writer, "tenant:write", dev)).toBe(false);
  });

  it("never gives more than the owner has: a write token of a reader still only reads", () => {
    const reader = through(actor("user", { [dev]: "read" }), "write");
    expect([...permissionsOf(reader, dev)]).toEqual(["tenant:read"]);
    expect(can(reader, "tenant:read", prod)).toBe(false);
    expect([...permissionsOf(through(actor("admin"), "write"), prod)].sort()).toEqual([
      "admin:read",
      "admin:write",
      "tenant:read",
      "tenant:write",
    ]);
  });
});

describe("the API reference", () => {
  it("is for anyone signed in, page and script alike, while the document it reads is public", () => {
    expect(routePolicy["/api-reference"]).toBe("signed-in");
    expect(routePolicy["/api-reference/scalar.js"]).toBe(routePolicy["/api-reference"]);
    expect(apiPolicy["GET /api/v1/openapi.json"]).toBe("public");
  });
});

describe("managing access tokens and service accounts", () => {
  it("lets anyone signed in make and revoke their own tokens, and only administrators anyone else's", () => {
    expect(actionPolicy.createOwnToken).toBe("signed-in");
    expect(actionPolicy.revokeOwnToken).toBe("signed-in");
    for (const action of ["createServiceAccount", "createServiceAccountToken", "revokeAnyToken"] as const) {
      expect(actionPolicy[action]).toBe("admin:write");
      expect(can(actor("admin"), actionPolicy[action])).toBe(true);
      expect(can(actor("auditor"), actionPolicy[action])).toBe(false);
      expect(can(actor("user", { [dev]: "write" }), actionPolicy[action], dev)).toBe(false);
    }
  });

  it("shows service accounts and every token to administrators and auditors only", () => {
    for (const route of ["/admin/service-accounts", "/admin/service-accounts/[id]", "/admin/tokens"] as const) {
      expect(routePolicy[route]).toBe("admin:read");
      expect(can(actor("auditor"), routePolicy[route])).toBe(true);
      expect(can(actor("user", { [dev]: "write" }), routePolicy[route], dev)).toBe(false);
    }
    expect(routePolicy["/account"]).toBe("signed-in");
  });
});
