import { InvalidCursorError } from "../contract";
import { hashLogRow, type LogRow } from "./log-lines";

/**
 * Where a scan stands: every line at or before `at` (milliseconds) is still to come, except the lines
 * of exactly `at` already passed (their hashes, repeated for identical lines). Timestamps tie often.
 */
export type LogPosition = { at: number; passed: number[] };

const version = 1;
// Keeps a cursor well under 200 characters; past that many lines in one millisecond, the rest of it is skipped.
const maxPassed = 30;

export function startPosition(to: Date): LogPosition {
  return { at: to.getTime(), passed: [] };
}

/** The position just after `row`, which must be the next line of the scan. */
export function advancePosition(position: LogPosition, row: LogRow): LogPosition {
  return row.at === position.at
    ? { at: row.at, passed: [...position.passed, hashLogRow(row)] }
    : { at: row.at, passed: [hashLogRow(row)] };
}

export function encodeLogCursor(position: LogPosition): string {
  const { at, passed } = position.passed.length > maxPassed ? { at: position.at - 1, passed: [] } : position;
  const bytes = Buffer.alloc(7 + 4 * passed.length);
  bytes.writeUInt8(version, 0);
  bytes.writeUIntBE(at, 1, 6);
  passed.forEach((hash, index) => bytes.writeUInt32BE(hash, 7 + 4 * index));
  return bytes.toString("base64url");
}

export function decodeLogCursor(cursor: string): LogPosition {
  const bytes = Buffer.from(cursor, "base64url");
  if (
    bytes.length < 7 ||
    (bytes.length - 7) % 4 !== 0 ||
    bytes.readUInt8(0) !== version ||
    bytes.toString("base64url") !== cursor
  ) {
    throw new InvalidCursorError();
  }
  const passed = Array.from({ length: (bytes.length - 7) / 4 }, (_, index) => bytes.readUInt32BE(7 + 4 * index));
  return { at: bytes.readUIntBE(1, 6), passed };
}
