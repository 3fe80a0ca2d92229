import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { grantLevel } from "./grants";
import { tenants } from "./tenants";
import { userRole } from "./users";

// An IdP group gives either a global role or a grant on one tenant, re-applied at every SSO sign-in.
export const ssoGroupMappings = pgTable(
  "sso_group_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    group: text("group").notNull(),
    role: userRole("role"),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    level: grantLevel("level"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("sso_group_mappings_group_target_key").on(t.group, t.role, t.tenantId).nullsNotDistinct(),
    index("sso_group_mappings_tenant_idx").on(t.tenantId),
    check(
      "sso_group_mappings_one_target",
      sql`(${t.role} is not null and ${t.tenantId} is null and ${t.level} is null) or (${t.role} is null and ${t.tenantId} is not null and ${t.level} is not null)`,
    ),
  ],
);

export type SsoGroupMapping = typeof ssoGroupMappings.$inferSelect;
