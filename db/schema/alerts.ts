import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const alertSeverity = pgEnum("alert_severity", ["info", "warning", "critical"]);
export const alertState = pgEnum("alert_state", ["open", "acknowledged", "resolved"]);
export const alertSource = pgEnum("alert_source", ["rule", "cloud", "budget"]);

// A rule the worker evaluates each minute: the metric's average over the window against a threshold.
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    metric: text("metric").notNull(),
    /** One resource, or the tenant as a whole when null. */
    resource: text("resource"),
    condition: text("condition").$type<"above" | "below">().notNull(),
    threshold: doublePrecision("threshold").notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    severity: alertSeverity("severity").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastEvaluatedAt: timestamp("last_evaluated_at", { withTimezone: true }),
    lastValue: doublePrecision("last_value"),
  },
  (t) => [index("alert_rules_tenant_idx").on(t.tenantId)],
);

// Something wrong in a tenant, from a rule, the cloud's own alarms, or a budget.
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    source: alertSource("source").notNull(),
    /** What the alert is about (rule:<id>, cloud:<alarm>, budget:<month>:<percent>): one unresolved alert per key. */
    key: text("key").notNull(),
    ruleId: uuid("rule_id").references(() => alertRules.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    severity: alertSeverity("severity").notNull(),
    resource: text("resource"),
    state: alertState("state").notNull().default("open"),
    value: doublePrecision("value"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Null when the condition cleared by itself. */
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("alerts_one_unresolved_per_key")
      .on(t.tenantId, t.key)
      .where(sql`state <> 'resolved'`),
    index("alerts_tenant_state_opened_idx").on(t.tenantId, t.state, t.openedAt),
    index("alerts_unresolved_idx")
      .on(t.openedAt)
      .where(sql`state <> 'resolved'`),
  ],
);

// Each change of an alert's state, with who made it (null: the system): its history.
export const alertEvents = pgTable(
  "alert_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").notNull(),
    transition: alertState("transition").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_events_alert_idx").on(t.alertId, t.at)],
);

export type AlertRule = typeof alertRules.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type AlertEvent = typeof alertEvents.$inferSelect;
