import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
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
  // A range of days across tenants, amount included, without table reads: what the admin ranking
  // read before cost_monthly_totals, and what bench:billing's baseline still reads.
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.service] }),
    index("cost_daily_day_tenant_idx").on(t.day, t.tenantId, t.amount),
  ],
);

// The sums of cost_daily by tenant, month (its first day) and service, rewritten with every write
// of daily costs, so a month is 15-odd rows rather than 31 × 15.
export const costMonthly = pgTable(
  "cost_monthly",
  {
    tenantId: uuid("tenant_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    service: text("service").notNull(),
    amount: doublePrecision("amount").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.service] })],
);

// A tenant's month in one row: its total and each day's total (dailyAmounts[0] is the 1st), which is
// all a ranking or a forecast needs. The admin ranking reads one month of the index alone.
export const costMonthlyTotals = pgTable(
  "cost_monthly_totals",
  {
    tenantId: uuid("tenant_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    amount: doublePrecision("amount").notNull(),
    dailyAmounts: doublePrecision("daily_amounts").array().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month] }),
    index("cost_monthly_totals_month_idx").on(t.month, t.tenantId, t.amount),
  ],
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
export type CostMonth = typeof costMonthly.$inferSelect;
export type CostMonthTotal = typeof costMonthlyTotals.$inferSelect;
export type Budget = typeof budgets.$inferSelect;
