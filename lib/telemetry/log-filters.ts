import { z } from "zod";

import { logLevels, logRanges, type LogLevel, type LogRange } from "./log-options";

export { logLevels, logRanges, type LogLevel, type LogRange };
export const maxDownloadLines = 10_000;

// A form sends empty fields; they mean "no filter", not an invalid value.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const searchShape = {
  q: optional(z.string().max(200, "q: at most 200 characters")),
  level: optional(z.enum(logLevels, { error: "level: one of debug, info, warn, error" })),
  resource: optional(z.string().max(100, "resource: at most 100 characters")),
  range: optional(
    z.enum(Object.keys(logRanges) as [LogRange, ...LogRange[]], { error: "range: one of 15m, 1h, 6h, 24h, 7d" }),
  ),
  from: optional(z.iso.datetime({ offset: true, error: "from: an ISO date-time such as 2026-11-28T10:00:00Z" })),
  to: optional(z.iso.datetime({ offset: true, error: "to: an ISO date-time such as 2026-11-28T11:00:00Z" })),
  cursor: optional(z.string().max(200, "cursor: not a cursor from this API")),
  limit: optional(
    z.coerce.number({ error: "limit: a number" }).int().min(1, "limit: at least 1").max(500, "limit: at most 500"),
  ),
};
const fromNotAfterTo = (f: { from?: string; to?: string }) =>
  !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to);
const fromAfterTo = { message: "from: must not be after to", path: ["from"] };

/** A search of a tenant's logs, as /api/v1 takes it. */
export const logSearchQuery = z.object(searchShape).refine(fromNotAfterTo, fromAfterTo);

/** The portal's own log route also follows a live tail (`after`) and downloads (`format`). */
export const logQuery = z
  .object({
    ...searchShape,
    after: optional(z.coerce.number({ error: "after: a line id" }).int().min(0)),
    format: optional(z.enum(["json", "ndjson", "csv"], { error: "format: one of json, ndjson, csv" })),
  })
  .refine(fromNotAfterTo, fromAfterTo);
export type LogQuery = z.infer<typeof logQuery>;

/** The time window a query asks for: from/to when given, else the range (1 hour by default) ending now. */
export function logWindow(query: Pick<LogQuery, "from" | "to" | "range">, now = new Date()): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - logRanges[query.range ?? "1h"]);
  return { from, to };
}

/** The first problem of a query, phrased for the person who wrote it. */
export function describeQueryError(error: z.ZodError): string {
  const issue = error.issues[0];
  return `Invalid log query: ${issue?.message ?? "unreadable parameters"}.`;
}

/** A URL's search parameters as the plain object the schema reads (one value of each). */
export function queryObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string"));
}
