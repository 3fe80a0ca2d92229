import { bigserial, doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Telemetry of the local cloud, kept in the portal's database. No foreign key to tenants: millions
// of rows per tenant should not be checked on every insert; keyed and indexed by tenant first.
export const logLines = pgTable(
  "log_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    level: text("level").notNull(),
    resource: text("resource").notNull(),
    message: text("message").notNull(),
  },
  (t) => [
    index("log_lines_tenant_at_idx").on(t.tenantId, t.at.desc(), t.id.desc()),
    index("log_lines_tenant_level_resource_at_idx").on(t.tenantId, t.level, t.resource, t.at.desc()),
    // Text search (ILIKE '%text%') within one tenant: trigrams of the message, tenant first (btree_gin's uuid).
    index("log_lines_tenant_message_trgm_idx").using("gin", t.tenantId, t.message.op("gin_trgm_ops")),
  ],
);

export const metricPoints = pgTable(
  "metric_points",
  {
    tenantId: uuid("tenant_id").notNull(),
    resource: text("resource").notNull(),
    metric: text("metric").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.metric, t.resource, t.at] }),
    index("metric_points_tenant_metric_at_idx").on(t.tenantId, t.metric, t.at),
  ],
);

export type LogLine = typeof logLines.$inferSelect;
export type MetricPoint = typeof metricPoints.$inferSelect;
