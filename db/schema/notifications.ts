import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { alertEvents } from "./alerts";
import { tenants } from "./tenants";

export const channelKind = pgEnum("channel_kind", ["webhook", "slack", "email"]);
export const deliveryState = pgEnum("delivery_state", ["pending", "delivered", "failed"]);

// Where a tenant's alerts are sent. A webhook URL may carry a token: only its host is shown back.
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: channelKind("kind").notNull(),
    /** A URL for webhook and Slack, an address for email. */
    target: text("target").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    lastDeliveredAt: timestamp("last_delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_channels_tenant_idx").on(t.tenantId)],
);

// One message per channel per alert transition, retried with backoff until delivered or given up.
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    alertEventId: uuid("alert_event_id")
      .notNull()
      .references(() => alertEvents.id, { onDelete: "cascade" }),
    state: deliveryState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once").on(t.channelId, t.alertEventId),
    index("notification_deliveries_due_idx").on(t.state, t.nextAttemptAt),
  ],
);

export type NotificationChannel = typeof notificationChannels.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
