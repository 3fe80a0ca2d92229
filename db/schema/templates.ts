import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// A named tenant template; what it holds lives in its versions, the latest one used unless another is named.
export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("templates_name_key").on(t.name)],
);

// Saving a template again adds a version; a version never changes, so an operation may name it.
export const templateVersions = pgTable(
  "template_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** A TemplateBody (lib/templates/template-body.ts), checked by its schema before it is stored. */
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("template_versions_template_version_key").on(t.templateId, t.version)],
);

export type Template = typeof templates.$inferSelect;
export type TemplateVersion = typeof templateVersions.$inferSelect;

/** A template's rows for a new tenant, as the engine inserts them (lib/templates turns a body into these). */
export type TemplateRows = {
  alertRules: {
    name: string;
    metric: string;
    resource?: string | null;
    condition: "above" | "below";
    threshold: number;
    windowMinutes: number;
    severity: "info" | "warning" | "critical";
  }[];
  budget: { monthlyAmount: number; thresholds: number[] } | null;
  channels: { name: string; kind: "webhook" | "slack" | "email"; target: string; enabled: boolean }[];
  groupMappings: { group: string; level: "read" | "write" }[];
  /** Channels whose URL lost its secret part when saved, and rules and shares that are approved again by hand. */
  channelsToFillIn: string[];
  toReapprove: string[];
};
