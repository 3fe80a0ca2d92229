import { z } from "zod";

export type SortDir = "asc" | "desc";

/** A list's `sort` and `dir` as read from its URL: a column it can sort by, or its default order. */
export const listSort = <Key extends string>(keys: readonly [Key, ...Key[]], fallback: { sort: Key; dir: SortDir }) =>
  z.object({
    sort: z.enum(keys).catch(fallback.sort),
    dir: z.enum(["asc", "desc"]).catch(fallback.dir),
  });
