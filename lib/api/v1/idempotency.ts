import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

export type Claim =
  { kind: "new" } | { kind: "replay"; status: number; body: unknown } | { kind: "mismatch" } | { kind: "in_progress" };

/** Keys are kept a day; a claim whose request never finished (a crashed server) frees after a minute. */
const keepHours = 24;
const abandonedSeconds = 60;

export function requestFingerprint(method: string, path: string, input: string): string {
  return createHash("sha256").update(`${method} ${path}\n${input}`).digest("hex");
}

/**
 * Claims (token, key) for this request. The primary key makes concurrent requests with one key
 * race for a single row: exactly one gets "new" and does the work; the others see it in progress.
 */
export async function claimIdempotencyKey(db: Db, tokenId: string, key: string, fingerprint: string): Promise<Claim> {
  await db.delete(idempotencyKeys).where(
    and(
      eq(idempotencyKeys.tokenId, tokenId),
      eq(idempotencyKeys.key, key),
      sql`(${idempotencyKeys.createdAt} < now() - make_interval(hours => ${keepHours})
          or (${idempotencyKeys.status} is null and ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${abandonedSeconds})))`,
    ),
  );
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ tokenId, key, fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return { kind: "new" };
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(db, tokenId, key, fingerprint);
  if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
  if (row.status === null) return { kind: "in_progress" };
  return { kind: "replay", status: row.status, body: row.body };
}

/** The periodic sweep: a key answers replays for a day, then only takes space. */
export async function deleteExpiredIdempotencyKeys(db: Db): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${keepHours})`));
}

/** Keeps the answer for replays; a server error frees the key instead, so the client may retry. */
export async function settleIdempotencyKey(db: Db, tokenId: string, key: string, status: number, body: unknown) {
  const where = and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key));
  if (status >= 500) await db.delete(idempotencyKeys).where(where);
  else await db.update(idempotencyKeys).set({ status, body }).where(where);
}
