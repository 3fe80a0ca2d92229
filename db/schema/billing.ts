import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

// What a tenant cost per day and service, in USD: from Cost Explorer (aws) or the local price table.
// No foreign key: a deleted tenant's history stays for the months it ran.
export const costDaily = pgTable(
  "cost_daily",
  {
    tenantId: uuid("tenant_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    service: text("service").notNull(),
    amount: doublePrecision("amount").notNull(),
  },
  // The admin ranking reads a month of days for every tenant: by day first, amount included.
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.service] }), index("cost_daily_day_tenant_idx").on(t.day, t.tenantId, t.amount)],
);

// A monthly budget with the percentages at which it warns.
export const budgets = pgTable("budgets", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  monthlyAmount: doublePrecision("monthly_amount").notNull(),
  thresholds: jsonb("thresholds").$type<number[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A threshold that fired in a month: the key that makes it fire once.
export const budgetCrossings = pgTable(
  "budget_crossings",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    threshold: integer("threshold").notNull(),
    basis: text("basis").$type<"actual" | "forecast">().notNull(),
    amount: doublePrecision("amount").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.threshold] })],
);

export type CostDay = typeof costDaily.$inferSelect;
export type Budget = typeof budgets.$inferSelect;
