import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, loginAttempts, tenantGrants, tenants, users, type GrantLevel, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

// Names are random because the PostgreSQL database is shared with other runs, at the same time.
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

const created = {
  emails: new Set<string>(),
  users: new Set<string>(),
  tenants: new Set<string>(),
  infrastructures: new Set<string>(),
};

export function uniqueEmail(): string {
  const email = `${uniqueName("user")}@test.enclave.local`;
  created.emails.add(email);
  return email;
}

/** For users a service made: deleted with the rest of what this file created. */
export function trackUser(id: string): void {
  created.users.add(id);
}

/** Deletes what this test file created, and nothing else: other files and e2e runs share the database. */
export async function deleteCreatedRows(db: Db): Promise<void> {
  if (created.emails.size) await db.delete(loginAttempts).where(inArray(loginAttempts.email, [...created.emails]));
  if (created.users.size) await db.delete(users).where(inArray(users.id, [...created.users]));
  if (created.tenants.size) await db.delete(tenants).where(inArray(tenants.id, [...created.tenants]));
  if (created.infrastructures.size) {
    // Tenants made through services (not this factory) live in the created infrastructures too.
    await db.delete(tenants).where(inArray(tenants.infrastructureId, [...created.infrastructures]));
    await db.delete(infrastructures).where(inArray(infrastructures.id, [...created.infrastructures]));
  }
}

export async function createUser(
  db: Db,
  options: { password?: string; role?: User["role"]; status?: User["status"] } = {},
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: uniqueEmail(),
      name: "Test User",
      role: options.role ?? "user",
      status: options.status ?? "active",
      passwordHash: options.password ? await hashPassword(options.password) : null,
    })
    .returning();
  created.users.add(user!.id);
  return user!;
}

export async function createInfrastructure(db: Db) {
  const [infrastructure] = await db
    .insert(infrastructures)
    .values({ name: uniqueName("infra") })
    .returning();
  created.infrastructures.add(infrastructure!.id);
  return infrastructure!;
}

export async function createTenant(
  db: Db,
  options: { infrastructureId?: string; status?: "ready" | "deleted"; name?: string } = {},
) {
  const infrastructureId = options.infrastructureId ?? (await createInfrastructure(db)).id;
  const [tenant] = await db
    .insert(tenants)
    .values({ name: options.name ?? uniqueName("tenant"), infrastructureId, status: options.status ?? "ready" })
    .returning();
  created.tenants.add(tenant!.id);
  return tenant!;
}

export async function grantAccess(db: Db, userId: string, tenantId: string, level: GrantLevel, expiresAt?: Date) {
  await db.insert(tenantGrants).values({ userId, tenantId, level, expiresAt });
}
