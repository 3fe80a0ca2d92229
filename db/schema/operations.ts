import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { shares } from "./shares";
import type { TemplateRows } from "./templates";
import { tenants } from "./tenants";

export type ResourceRequest = {
  action: "create" | "delete";
  kind: "service" | "host" | "bucket" | "database";
  name: string;
  attributes?: Record<string, string | number | boolean>;
};

/** What a provision from a template or a clone makes after the tenant's constructs. */
export type TemplateRun = {
  origin: { template: string; version: number } | { likeTenant: string };
  resources: ResourceRequest[];
  rows: TemplateRows;
};

export const operationKind = pgEnum("operation_kind", ["provision", "delete", "resource", "share"]);
export const runState = pgEnum("run_state", ["pending", "running", "succeeded", "failed"]);

// The durable record of one piece of long work on a tenant; steps below are its log.
export const operations = pgTable(
  "operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: operationKind("kind").notNull(),
    state: runState("state").notNull().default("pending"),
    error: text("error"),
    /** What a "resource" operation does: create or delete one resource of the tenant. */
    request: jsonb("request").$type<ResourceRequest>(),
    /** The share a "share" operation grants or revokes (its state says which). */
    shareId: uuid("share_id").references(() => shares.id, { onDelete: "cascade" }),
    /** A provision from a template or a clone: what to make after the constructs (lib/templates/template-run.ts). */
    template: jsonb("template").$type<TemplateRun>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // A worker holds the operation while its lease lasts; a crashed worker's lease runs out.
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (t) => [
    index("operations_tenant_created_idx").on(t.tenantId, t.createdAt),
    // One unfinished operation per tenant: its operations never run side by side.
    uniqueIndex("operations_one_active_per_tenant")
      .on(t.tenantId)
      .where(sql`state in ('pending', 'running')`),
  ],
);

export const operationSteps = pgTable(
  "operation_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => operations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    state: runState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    idempotencyKey: text("idempotency_key"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("operation_steps_operation_key").on(t.operationId, t.key),
    index("operation_steps_tenant_idx").on(t.tenantId),
  ],
);

export type Operation = typeof operations.$inferSelect;
export type OperationStep = typeof operationSteps.$inferSelect;
