import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const shareResourceKinds = ["bucket", "database"] as const;
export type ShareResourceKind = (typeof shareResourceKinds)[number];
export const shareStates = ["requested", "declined", "approving", "active", "revoking", "revoked", "failed"] as const;
export type ShareState = (typeof shareStates)[number];
/** States after which a new share of the same resource to the same tenant may be asked for. */
export const closedShareStates: ShareState[] = ["declined", "revoked"];

// Access to one bucket or database of the owner tenant, given to the grantee tenant: asked for by
// the grantee, decided by the owner, realized in the owner's cloud by the engine.
export const shares = pgTable(
  "shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerTenantId: uuid("owner_tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    resourceKind: text("resource_kind").$type<ShareResourceKind>().notNull(),
    /** The resource's cloud name (a bucket's global name, a database's instance identifier). */
    resourceName: text("resource_name").notNull(),
    granteeTenantId: uuid("grantee_tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    access: text("access").$type<"read" | "read-write" | "connect">().notNull(),
    state: text("state").$type<ShareState>().notNull().default("requested"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    error: text("error"),
    /** What the cloud made for this share, with its ids, so revocation removes exactly that. */
    cloudRefs: jsonb("cloud_refs").$type<{ kind: string; name: string; id: string }[]>().notNull().default([]),
  },
  (t) => [
    // One live share per (owner, resource, grantee); a declined or revoked one may be asked for again.
    uniqueIndex("shares_one_live_key")
      .on(t.ownerTenantId, t.resourceKind, t.resourceName, t.granteeTenantId)
      .where(sql`state not in ('declined', 'revoked')`),
    index("shares_owner_idx").on(t.ownerTenantId, t.requestedAt),
    index("shares_grantee_idx").on(t.granteeTenantId, t.requestedAt),
  ],
);

export type Share = typeof shares.$inferSelect;
