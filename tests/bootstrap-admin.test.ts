import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { bootstrapAdmin, bootstrapAdminInput, generateOneTimePassword } from "@/lib/users/bootstrap-admin";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser, trackUser, uniqueEmail } from "./helpers/factory";

describe.each(testDatabases())("the first admin, from the command line's service, on $kind", (target) => {
  const database = useDatabase(target);
  const db = () => database().db;

  it("creates a local admin who can sign in with the one-time password, and audits it", async () => {
    const email = uniqueEmail();
    const password = generateOneTimePassword();
    const result = await bootstrapAdmin(db(), bootstrapAdminInput.parse({ email, password }));
    trackUser(result.userId);
    expect(result).toMatchObject({ outcome: "created", passwordSet: true });
    const signIn = await authenticateWithPassword(db(), { email, password }, null);
    expect(signIn).toMatchObject({ ok: true, user: { email, role: "admin" } });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.target, email));
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
  });

  it("promotes an existing user, replaces their password and signs them out elsewhere", async () => {
    const user = await createUser(db(), { password: "old river lantern pass" });
    const password = "new harbour beacon words";
    const result = await bootstrapAdmin(db(), bootstrapAdminInput.parse({ email: user.email, password }));
    expect(result).toEqual({ outcome: "promoted", userId: user.id, passwordSet: true });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ role: "admin", roleSource: "direct", sessionVersion: user.sessionVersion + 1 });
    expect(await authenticateWithPassword(db(), { email: user.email, password }, null)).toMatchObject({ ok: true });
  });

  it("promotes an SSO-only account without giving it a password", async () => {
    const user = await createUser(db(), {});
    const result = await bootstrapAdmin(
      db(),
      bootstrapAdminInput.parse({ email: user.email, password: generateOneTimePassword() }),
    );
    expect(result.passwordSet).toBe(false);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ role: "admin", passwordHash: null });
  });
});

describe("npm run admin:create with bad input", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ENCLAVE_DATA_DIR: "/nonexistent-never-opened", ...env },
      encoding: "utf8",
    });

  it.each([
    [["--email", "not-an-email"], {}, "admin:create: --email: Enter a valid email address."],
    [[], {}, "admin:create: --email is required."],
    [
      ["--email", "ops@example.com"],
      { ENCLAVE_ADMIN_PASSWORD: "password1234" },
      "admin:create: ENCLAVE_ADMIN_PASSWORD: That password is too common; choose another.",
    ],
    [["--email", "ops@example.com", "--role", "admin"], {}, "admin:create: Unknown option '--role'"],
  ])("%j exits 2 with one line and opens no database", (args, env, message) => {
    const result = run(args, env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});
