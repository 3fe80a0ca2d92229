import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";

/** `limit` and `cursor` of every listing: keyset pages, so an insert never shifts or repeats a row. */
export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: "limit is a number of items, 1 to 100." })
    .int("limit is a whole number of items.")
    .min(1, "limit is at least 1.")
    .max(100, "limit is at most 100.")
    .default(50)
    .meta({ description: "Items per page, 1 to 100 (50 when left out)." }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .meta({ description: "The `nextCursor` of the previous page; leave out for the first page." }),
});

/** What a listing answers: its items and the cursor of the next page, null on the last. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** An opaque cursor: the sort key of the last item handed out. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, shape: S): z.output<S> | null {
  if (cursor === undefined) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // answered below, as any other cursor this API did not hand out
  }
  throw new InvalidInputError("This cursor is not one the API handed out: start again without it.", "query.cursor");
}
