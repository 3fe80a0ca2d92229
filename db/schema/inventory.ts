import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ResourceKind } from "@/lib/cloud/contract";
import { tenants } from "./tenants";

// What each tenant's cloud held at its last good listing, kept by the workers so pages read it
// from here instead of asking the cloud on every render. Replaced whole at each listing.
export const tenantInventory = pgTable(
  "tenant_inventory",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ResourceKind>().notNull(),
    name: text("name").notNull(),
    /** The cloud's own id; part of the key because two clouds of one infrastructure may share a name. */
    cloudId: text("cloud_id").notNull(),
    status: text("status"),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    /** When the cloud made it, where the cloud says. */
    createdAt: timestamp("created_at", { withTimezone: true }),
  },
  // Leads with the tenant, then kind and name: one tenant's rows in page order, or one resource.
  (t) => [primaryKey({ name: "tenant_inventory_pk", columns: [t.tenantId, t.kind, t.name, t.cloudId] })],
);

// One row per tenant: when its inventory was last read, the last failure, and when it is due again.
export const tenantInventoryRefreshes = pgTable(
  "tenant_inventory_refreshes",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** When the last good listing started: the rows are at least this fresh. Null: never read. */
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
    /** The last attempt's failure; cleared by the next good listing. */
    error: text("error"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /** A person asked for a refresh that has not run yet. */
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    /** When a worker next reads it; a worker claims it by moving this forward. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tenant_inventory_refreshes_due_idx").on(t.dueAt)],
);

export type TenantInventoryRow = typeof tenantInventory.$inferSelect;
export type TenantInventoryRefresh = typeof tenantInventoryRefreshes.$inferSelect;
