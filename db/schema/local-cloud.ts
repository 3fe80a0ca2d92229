import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { infrastructures } from "./infrastructures";

// The embedded "local" cloud: what a real AWS account and cluster would hold, kept in the
// portal's own database so the local driver behaves like the real ones (names, tags, adoption).
export const localCloudResources = pgTable(
  "local_cloud_resources",
  {
    id: text("id").primaryKey(),
    infrastructureId: uuid("infrastructure_id")
      .notNull()
      .references(() => infrastructures.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    tenantTag: text("tenant_tag"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("local_cloud_resources_kind_name_key").on(t.infrastructureId, t.kind, t.name),
    index("local_cloud_resources_tenant_idx").on(t.infrastructureId, t.tenantTag),
  ],
);

export const tenantSecrets = pgTable(
  "tenant_secrets",
  {
    tenantId: uuid("tenant_id").notNull(),
    kind: text("kind").notNull(),
    /** AES-256-GCM, base64 of iv | tag | ciphertext, keyed by ENCLAVE_ENCRYPTION_KEY. */
    ciphertext: text("ciphertext").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenant_secrets_tenant_kind_key").on(t.tenantId, t.kind)],
);

export type LocalCloudResource = typeof localCloudResources.$inferSelect;
