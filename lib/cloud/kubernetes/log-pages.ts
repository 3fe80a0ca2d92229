import { InvalidCursorError, type CloudLogLine } from "../contract";
import type { PodLogLine } from "./log-lines";

/** Where the previous page stopped: its last line's nanosecond time, and how many lines of that time it showed. */
type LogCursor = { key: string; seen: number };

function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.seen])).toString("base64url");
}

function decodeCursor(cursor: string): LogCursor {
  try {
    const [key, seen] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (
      typeof key === "string" &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/.test(key) &&
      Number.isSafeInteger(seen) &&
      (seen as number) >= 0
    ) {
      return { key, seen: seen as number };
    }
  } catch {}
  throw new InvalidCursorError();
}

// Newest first; lines of the same nanosecond in a fixed order (by pod and container, later line first), so a cursor can count them.
function compareNewestFirst(a: PodLogLine, b: PodLogLine): number {
  if (a.key !== b.key) return a.key < b.key ? 1 : -1;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return b.seq - a.seq;
}

/** Where the page after `cursor` starts in the sorted lines: after every line the earlier pages showed. */
function findPageStart(sorted: PodLogLine[], cursor: LogCursor): number {
  const newer = sorted.filter((line) => line.key > cursor.key).length;
  const sameTime = sorted.filter((line) => line.key === cursor.key).length;
  return newer + Math.min(cursor.seen, sameTime);
}

/**
 * One page of the merged lines of every pod, newest first. The cursor is opaque to the caller;
 * it continues with older lines, and with the rest of a nanosecond a page ended inside of.
 */
export function pageNewestFirst(
  lines: PodLogLine[],
  limit: number,
  cursor?: string,
): { lines: CloudLogLine[]; nextCursor: string | null } {
  const sorted = [...lines].sort(compareNewestFirst);
  const start = cursor ? findPageStart(sorted, decodeCursor(cursor)) : 0;
  const end = start + Math.max(1, Math.floor(limit));
  const page = sorted.slice(start, end);
  const last = page.at(-1);
  const nextCursor =
    last && end < sorted.length
      ? encodeCursor({ key: last.key, seen: sorted.slice(0, end).filter((line) => line.key === last.key).length })
      : null;
  return { lines: page.map(({ at, level, resource, message }) => ({ at, level, resource, message })), nextCursor };
}
