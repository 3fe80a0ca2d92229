import { jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cloudDriverKinds, type CloudConfig } from "@/lib/cloud/contract";

export const cloudDriver = pgEnum("cloud_driver", cloudDriverKinds);

export const infrastructures = pgTable(
  "infrastructures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    driver: cloudDriver("driver").notNull().default("local"),
    region: text("region").notNull().default("local"),
    config: jsonb("config").$type<CloudConfig>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("infrastructures_name_key").on(t.name)],
);

export type Infrastructure = typeof infrastructures.$inferSelect;
