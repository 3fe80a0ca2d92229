import type { Db } from "@/db/client";
import { groupWrites } from "@/db/group-writes";
import { preparedOnce } from "@/db/prepared";
import { localCloudResources } from "@/db/schema";

type NewResource = typeof localCloudResources.$inferInsert & { id: string };
type Resource = typeof localCloudResources.$inferSelect;

const order = (a: NewResource, b: NewResource) =>
  a.infrastructureId.localeCompare(b.infrastructureId) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

/**
 * Stores a new resource and answers its row, or null when one of its kind and name is already there.
 * The calls of one moment share one insert: a provisioning level's calls return together, and on
 * PGlite's one connection each insert otherwise waited behind the others before its step could be
 * recorded. Sorted by the unique key, so two such inserts never lock each other's rows in turn.
 */
export const insertResource = preparedOnce((db: Db) =>
  groupWrites(async (rows: NewResource[]): Promise<(Resource | null)[]> => {
    const inserted = await db
      .insert(localCloudResources)
      .values([...rows].sort(order))
      .onConflictDoNothing()
      .returning();
    const byId = new Map(inserted.map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id) ?? null);
  }),
);
