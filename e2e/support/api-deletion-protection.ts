import type { APIRequestContext } from "@playwright/test";

/**
 * Turns deletion protection on for the named tenants through the API (an admin token's context), so
 * a DELETE that got past every other guard would answer 409 rather than delete. Returns the tenants
 * it turned it on for, to be given back to `setDeletionProtection(admin, them, false)` afterwards.
 */
export async function protectFromDeletion(admin: APIRequestContext, names: string[]): Promise<string[]> {
  const unprotected: string[] = [];
  for (const name of names) {
    const tenant = await admin.get(`/api/v1/tenants/${name}`);
    if (!tenant.ok()) throw new Error(`GET /api/v1/tenants/${name} answered ${tenant.status()}`);
    if (!(await tenant.json()).deletionProtection) unprotected.push(name);
  }
  await setDeletionProtection(admin, unprotected, true);
  return unprotected;
}

export async function setDeletionProtection(admin: APIRequestContext, names: string[], on: boolean) {
  for (const name of names) {
    const response = await admin.patch(`/api/v1/tenants/${name}`, { data: { deletionProtection: on } });
    if (!response.ok()) throw new Error(`PATCH /api/v1/tenants/${name} answered ${response.status()}`);
  }
}
