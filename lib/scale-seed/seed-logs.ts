import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines } from "@/db/schema";
import { countInserted, countRows, forTenantBatches, tenantsWithout } from "./batch-sql";
import { accessLine, hostLine, workerLine } from "./log-line-sql";
import type { ScaleContext } from "./scale-context";

// Of each tenant's lines: the two web services write most, then the worker, then the database host.
const shares: [SQL, number][] = [
  [accessLine, 0.68],
  [workerLine, 0.17],
  [hostLine, 0.15],
];

export const countLogLines = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${logLines} where tenant_id = any(${sql.param(ctx.tenants.map((t) => t.id))}::uuid[])`,
  );

function insertLines(tx: Db, tenantIds: string[], count: number, end: Date, hours: number, line: SQL): Promise<number> {
  return countInserted(
    tx,
    sql`insert into ${logLines} (tenant_id, at, level, resource, message)
      select drawn.tenant_id, drawn.at, line.level, line.resource, line.message
      from (
        select t.id as tenant_id, ${end.toISOString()}::timestamptz - random() * ${hours}::float8 * interval '1 hour' as at,
          random() as a, random() as b, random() as c, random() as d, random() as e
        from unnest(${sql.param(tenantIds)}::uuid[]) as t(id), generate_series(1, ${count}::int) as g
      ) as drawn
      cross join lateral (${line}) as line
      returning 1`,
  );
}

/**
 * `perTenant` lines over the last `hours` for each tenant that has no lines yet (a re-run adds
 * none: log lines have no key to say "this one is already there").
 */
export function insertLogLines(ctx: ScaleContext, perTenant: number, hours: number): Promise<number> {
  if (perTenant === 0 || hours === 0) return Promise.resolve(0);
  const counts = shares.map(([, share]) => Math.round(perTenant * share));
  counts[0]! += perTenant - counts.reduce((a, b) => a + b, 0);
  return forTenantBatches(ctx, "log_lines", Math.floor(200_000 / perTenant), async (tx, ids) => {
    const fresh = await tenantsWithout(tx, logLines, ids);
    let created = 0;
    for (const [i, [line]] of shares.entries())
      if (fresh.length && counts[i]) created += await insertLines(tx, fresh, counts[i]!, ctx.now, hours, line);
    return created;
  });
}
