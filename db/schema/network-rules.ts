import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

// An inter-tenant ingress rule: into `tenantId` from a source tenant or a CIDR. Each one is a
// security-group rule and a NetworkPolicy in the cloud; the row says which and how they fared.
export const networkRules = pgTable(
  "network_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    sourceTenantId: uuid("source_tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    cidr: text("cidr"),
    protocol: text("protocol").notNull(),
    fromPort: integer("from_port"),
    toPort: integer("to_port"),
    state: text("state").notNull().default("pending"),
    error: text("error"),
    /** What the cloud made for this rule, with its ids, so removal can name them. */
    cloudRefs: jsonb("cloud_refs").$type<{ kind: string; name: string; id: string }[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("network_rules_tenant_idx").on(t.tenantId, t.createdAt),
    index("network_rules_source_idx").on(t.sourceTenantId),
  ],
);

export type NetworkRule = typeof networkRules.$inferSelect;
