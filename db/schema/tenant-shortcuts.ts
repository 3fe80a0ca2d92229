import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

// The tenant picker's shortcuts: each user's last visit to a tenant (one row per pair, overwritten)
// and the tenants they starred. Access is checked when read: a row outlives a revoked grant.
export const tenantVisits = pgTable(
  "tenant_visits",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    visitedAt: timestamp("visited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tenantId] }),
    index("tenant_visits_user_visited_idx").on(t.userId, t.visitedAt.desc()),
    // For the cascade when a tenant row is removed (the scale seed's cleanup removes a thousand).
    index("tenant_visits_tenant_idx").on(t.tenantId),
  ],
);

export const favoriteTenants = pgTable(
  "favorite_tenants",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] }), index("favorite_tenants_tenant_idx").on(t.tenantId)],
);

export type TenantVisit = typeof tenantVisits.$inferSelect;
export type FavoriteTenant = typeof favoriteTenants.$inferSelect;
