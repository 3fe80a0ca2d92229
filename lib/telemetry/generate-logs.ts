import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines, tenants } from "@/db/schema";
import { generateLine, seededRandom, type Random } from "./log-messages";
import { newestFirst } from "@/lib/cloud/local/log-store";
import { readyLocalTenants, telemetrySources } from "./sources";

export type GenerateLogsOptions = { seed?: number; perSourcePerMinute?: number; batchSize?: number };
type NewLine = typeof logLines.$inferInsert;

/** Steady lines with the odd burst (a deploy, a retry storm): how many lines one source writes in a span. */
function lineCount(random: Random, perMinute: number, spanMs: number): number {
  const burst = random() < 0.03 ? 5 + random() * 10 : 1;
  const expected = perMinute * burst * (0.5 + random()) * (spanMs / 60_000);
  return Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
}

/** Inserts believable lines for each of the tenant's telemetry sources in (from, to]; returns how many. */
export async function generateLogs(
  db: Db,
  tenant: { id: string; name: string; infrastructureId: string },
  from: Date,
  to: Date,
  options: GenerateLogsOptions = {},
): Promise<number> {
  const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const perMinute = options.perSourcePerMinute ?? 3;
  const batchSize = options.batchSize ?? 1000;
  const sources = await telemetrySources(db, tenant);
  let batch: NewLine[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length) await db.insert(logLines).values(batch);
    inserted += batch.length;
    batch = [];
  };
  for (let start = from.getTime(); start < to.getTime(); start += 60_000) {
    const end = Math.min(start + 60_000, to.getTime());
    const minute: NewLine[] = [];
    for (const source of sources) {
      for (let n = lineCount(random, perMinute, end - start); n > 0; n--) {
        // Strictly after `from`: the next run starts at the last line's time and must not repeat it.
        const at = new Date(Math.min(end, start + 1 + Math.floor(random() * (end - start))));
        minute.push({ tenantId: tenant.id, at, resource: source.name, ...generateLine(random, source) });
      }
    }
    batch.push(...minute.sort((a, b) => a.at.getTime() - b.at.getTime()));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return inserted;
}

/** For every ready tenant on a local infrastructure, lines from its last generated one (at most a day back) up to now. */
export async function generateRecentLogs(
  db: Db,
  now = new Date(),
  scope: { infrastructureId?: string } = {},
): Promise<{ tenants: number; lines: number }> {
  const ready = await readyLocalTenants(
    db,
    scope.infrastructureId ? eq(tenants.infrastructureId, scope.infrastructureId) : undefined,
  );
  const dayAgo = new Date(now.getTime() - 86_400_000);
  let lines = 0;
  for (const tenant of ready) {
    lines += await db.transaction(async (tx) => {
      // Two workers on one PostgreSQL would otherwise write the same minutes twice.
      const [lock] = await tx
        .execute(sql`select pg_try_advisory_xact_lock(hashtext(${`log_lines:${tenant.id}`})) as locked`)
        .then(rowsOf<{ locked: boolean }>);
      if (!lock?.locked) return 0;
      const [last] = await tx
        .select({ at: logLines.at })
        .from(logLines)
        .where(eq(logLines.tenantId, tenant.id))
        .orderBy(...newestFirst)
        .limit(1);
      const from = last && last.at > dayAgo ? last.at : dayAgo;
      return from < now ? generateLogs(tx as unknown as Db, tenant, from, now) : 0;
    });
  }
  return { tenants: ready.length, lines };
}

// node-postgres returns { rows }, PGlite's drizzle driver returns { rows } too, but typed differently.
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
