import { z } from "zod";

// Every input that names a tenant: a tenant-scoped action finds and authorizes it before the service
// runs; an admin action's service looks it up, so an unknown name is a plain not-found.
export const tenantRef = z.string().trim().min(1, "Name the tenant.").max(64);
