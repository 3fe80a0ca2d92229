import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

// No foreign key cascade: the audit trail must outlive the users and tenants it names.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "set null" }),
    target: text("target"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    // The access token a change came through (no reference: a revoked token's events keep naming it).
    tokenId: uuid("token_id"),
  },
  (t) => [
    index("audit_events_tenant_at_idx").on(t.tenantId, t.at),
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
    // The log sorted by action reads a page from here instead of sorting every event.
    index("audit_events_action_at_idx").on(t.action, t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
