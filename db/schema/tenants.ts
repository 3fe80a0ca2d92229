import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { infrastructures } from "./infrastructures";

export const tenantStatus = pgEnum("tenant_status", ["provisioning", "ready", "failed", "deleting", "deleted"]);

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    infrastructureId: uuid("infrastructure_id")
      .notNull()
      .references(() => infrastructures.id),
    status: tenantStatus("status").notNull().default("provisioning"),
    statusMessage: text("status_message"),
    deletionProtection: boolean("deletion_protection").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    quota: jsonb("quota").$type<{ cpu?: string; memory?: string; pods?: number }>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A deleted tenant's name may be used again.
    uniqueIndex("tenants_live_name_key")
      .on(t.name)
      .where(sql`status <> 'deleted'`),
    // A cloud's driver finds a tenant by name on its infrastructure, deleted ones included.
    index("tenants_infrastructure_name_idx").on(t.infrastructureId, t.name),
    index("tenants_expires_at_idx").on(t.expiresAt),
    // The tenant picker's search: a name's prefix (1-2 characters) or any part of it (3 or more).
    index("tenants_live_name_trgm_idx")
      .using("gin", t.name.op("gin_trgm_ops"))
      .where(sql`status <> 'deleted'`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantStatus = (typeof tenantStatus.enumValues)[number];
