import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { apiTokens, users } from "@/db/schema";
import { tokenColumns, tokenState, tokenStates } from "./list-tokens";

const tokensPageSize = 50;

// Read from the URL: anything unexpected falls back to "no filter" rather than an error page.
export const allTokensQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  state: z.enum(tokenStates).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AllTokensQuery = z.infer<typeof allTokensQuery>;

function conditions({ q, state }: AllTokensQuery): SQL | undefined {
  const pattern = `%${escapeLike(q)}%`;
  return and(
    q ? or(ilike(apiTokens.name, pattern), ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
    state ? sql`${tokenState} = ${state}` : undefined,
  );
}

/** Every user's tokens, newest first, with their owners (people and service accounts), a page at a time. */
export async function listAllTokens(db: Db, raw: Partial<Record<keyof AllTokensQuery, unknown>> = {}) {
  const query = allTokensQuery.parse(raw);
  const where = conditions(query);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / tokensPageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({
      ...tokenColumns,
      owner: { id: users.id, name: users.name, email: users.email, kind: users.kind, status: users.status },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(tokensPageSize)
    .offset((page - 1) * tokensPageSize);
  return { rows, total, page, pageSize: tokensPageSize, pageCount };
}

export type AllTokensRow = Awaited<ReturnType<typeof listAllTokens>>["rows"][number];
