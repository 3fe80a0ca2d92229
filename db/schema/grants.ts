import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const grantLevel = pgEnum("grant_level", ["read", "write"]);

export const tenantGrants = pgTable(
  "tenant_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    level: grantLevel("level").notNull(),
    // "direct" for a grant an admin made; "group:<name>" for one an SSO group mapping gave.
    source: text("source").notNull().default("direct"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenant_grants_tenant_user_source_key").on(t.tenantId, t.userId, t.source),
    index("tenant_grants_user_idx").on(t.userId),
    // A tenant's members counted from the index alone: a tenant's grants lie scattered over the heap.
    index("tenant_grants_tenant_members_idx").on(t.tenantId, t.userId, t.expiresAt),
  ],
);

export type TenantGrant = typeof tenantGrants.$inferSelect;
export type GrantLevel = (typeof grantLevel.enumValues)[number];
