import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

// rate-limiter-flexible's PostgreSQL store, laid out as that library creates it (it is told the
// table exists, so no replica races to create it at start): one row per limited key, its points
// used in the current window and when that window ends (epoch milliseconds).
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
