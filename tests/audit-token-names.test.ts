import { describe, expect, it } from "vitest";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { auditFilters, listAuditEvents } from "@/lib/audit/queries";
import { loadActor } from "@/lib/context/actor";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { createServiceAccountToken } from "@/lib/service-accounts/create-service-account-token";
import { listRecentTenantAudit } from "@/lib/tenants/queries";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { revokeAnyToken } from "@/lib/tokens/revoke-token";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, trackUser, uniqueName } from "./helpers/factory";

describe.each(testDatabases())("the audit log names the token behind a change, on $kind", (target) => {
  const database = useDatabase(target);

  it("shows the service account and its token's name, also once the token is revoked", async () => {
    const { db } = database();
    const [admin, tenant] = await Promise.all([createUser(db, { role: "admin" }), createTenant(db)]);
    const ctx = { db, actor: await loadActor(db, admin), ip: null };
    const account = await createServiceAccount(ctx, { name: uniqueName("deployer"), role: "user" });
    trackUser(account.id);
    const { secret, token } = await createServiceAccountToken(ctx, {
      userId: account.id,
      name: "deploy",
      scope: "write",
      days: 7,
    });
    const viaToken = (await authenticateToken(db, secret))!;
    const action = uniqueName("test.via_token");
    await recordAudit(db, { ...auditActor(viaToken), action, tenantId: tenant.id, target: "web" });
    await recordAudit(db, { ...auditActor(ctx.actor), action, tenantId: tenant.id, target: "by hand" });
    await revokeAnyToken(ctx, { tokenId: token.id });

    const { rows } = await listAuditEvents(db, auditFilters.parse({ action }));
    expect(rows.map((r) => [r.target, r.actor, r.actorKind, r.token])).toEqual([
      ["by hand", admin.email, "person", null],
      ["web", account.email, "service", "deploy"],
    ]);
    const recent = await listRecentTenantAudit(db, tenant.id);
    expect(recent.map((r) => [r.target, r.token])).toEqual([
      ["by hand", null],
      ["web", "deploy"],
    ]);
  });
});

describe("token and service account events in words", () => {
  it("say who made and revoked tokens, and from where", () => {
    const words = (action: string, target: string, details: Record<string, unknown>) =>
      describeAuditEvent({ action, target, tenant: null, details });
    expect(words("token.created", "ci", { scope: "write", via: "command line", owner: "bob@example.com" })).toBe(
      "Created the write access token “ci” for bob@example.com from the command line",
    );
    expect(words("token.created", "ci", { scope: "read" })).toBe("Created the read access token “ci”");
    expect(words("token.revoked", "ci", { owner: "bob@example.com" })).toBe(
      "Revoked the access token “ci” of bob@example.com",
    );
    expect(words("service_account.created", "ci@service-accounts.enclave.internal", { role: "user" })).toBe(
      "Created the service account ci@service-accounts.enclave.internal (user)",
    );
  });
});
