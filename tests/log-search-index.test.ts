import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { logLines } from "@/db/schema";
import type { CloudLogQuery as LogSearch } from "@/lib/cloud/contract";
import { encodeCursor, logSearchQuery, newestFirst, searchLogs } from "@/lib/cloud/local/log-store";
import { testDatabases, useDatabase } from "./helpers/databases";
import { expectNoSeqScan, indexesUsed, planNodes } from "./helpers/explain-plan";

const to = new Date("2026-11-28T12:00:00Z");
const day = 86_400_000;
const week = { from: new Date(to.getTime() - 7 * day), to };
const lastDay = { from: new Date(to.getTime() - day), to };
const trigramIndex = "log_lines_tenant_message_trgm_idx";

// A week of lines, mostly requests and jobs; one in 500 of each rarer kind, with decoys for % and _.
async function insertWeek(db: Db, tenantId: string, count: number) {
  await db.execute(sql`
    insert into log_lines (tenant_id, at, level, resource, message)
    select ${tenantId}::uuid, ${to.toISOString()}::timestamptz - (g::float8 / ${count}) * interval '7 days',
      case when g % 50 = 0 then 'warn' else 'info' end, (array['web', 'api', 'worker', 'db-host'])[1 + g % 4],
      case when g % 500 = 7 then 'Disk at 95% full on vol_' || g % 10
        when g % 500 = 9 then 'Disk at 95 full on volX' || g % 10
        when g % 500 = 11 then 'user_id=' || g
        when g % 500 = 13 then 'userXid=' || g
        when g % 4 = 2 then 'job send-email (' || to_hex(g) || ') completed in ' || (g % 900) || 'ms'
        else 'GET /api/orders/' || (g % 9973) || ' 200 ' || (g % 400) || 'ms' end
    from generate_series(1, ${count}::int) g`);
}

describe.each(testDatabases())("log text search over a busy tenant on $kind", (target) => {
  const database = useDatabase(target);
  const tenant = randomUUID();
  const neighbours = [randomUUID(), randomUUID()];
  const search = (s: Partial<LogSearch>) => ({ ...week, limit: 100, ...s });

  // Sized so that a sequential scan is a plan the planner would really pick (it does without the
  // trigram index), and analyzed as autovacuum would: no enable_* settings steer its choice here.
  beforeAll(async () => {
    const { db } = database();
    await insertWeek(db, tenant, 40_000);
    for (const neighbour of neighbours) await insertWeek(db, neighbour, 20_000);
    await db.execute(sql`analyze log_lines`);
  }, 240_000);
  afterAll(async () => {
    await database()
      .db.delete(logLines)
      .where(inArray(logLines.tenantId, [tenant, ...neighbours]));
  });

  it("finds rare texts through the trigram index, in a day or a week, with filters and after a cursor", async () => {
    const { db } = database();
    const [first] = (await searchLogs(db, tenant, search({ text: "user_id" }))).lines;
    const cursor = encodeCursor(first!);
    for (const s of [
      { text: "no-such-text" },
      { text: "no-such-text", ...lastDay },
      { text: "95% full" },
      { text: "USER_ID", level: "info", resource: "api" },
      { text: "user_id", cursor },
    ]) {
      const plan = await expectNoSeqScan(db, logSearchQuery(db, tenant, search(s)), ["log_lines"]);
      expect(indexesUsed(plan), JSON.stringify(s)).toContain(trigramIndex);
    }
  });

  it("reads a common text newest first from the (tenant, time) index, without sorting the window", async () => {
    const { db } = database();
    for (const s of [{ text: "get /api" }, { text: "send-email", ...lastDay }]) {
      const plan = await expectNoSeqScan(db, logSearchQuery(db, tenant, search(s)), ["log_lines"]);
      expect(indexesUsed(plan)).toEqual(["log_lines_tenant_at_idx"]);
      expect(planNodes(plan).map((n) => n["Node Type"])).not.toContain("Sort");
    }
  });

  it("returns what a scan returns, case-insensitively, with % and _ literal, page by page", async () => {
    const { db } = database();
    const scanned = async (text: string) => {
      const rows = await db
        .select({ id: logLines.id })
        .from(logLines)
        .where(
          and(
            eq(logLines.tenantId, tenant),
            gte(logLines.at, week.from),
            lte(logLines.at, to),
            sql`strpos(lower(${logLines.message}), lower(${text})) > 0`,
          ),
        )
        .orderBy(...newestFirst);
      return rows.map((r) => r.id);
    };
    const paged = async (text: string) => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchLogs(db, tenant, search({ text, limit: 37, cursor }));
        ids.push(...page.lines.map((l) => l.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    // The last two are too short for trigrams and are answered without the index.
    for (const text of ["DISK AT 95% FULL", "user_id=", "Vol_7", "_i", "%"]) {
      const expected = await scanned(text);
      expect(expected.length, text).toBeGreaterThan(37);
      expect(await paged(text), text).toEqual(expected);
    }
  });
});
