import { createHash } from "node:crypto";
import type { CloudLogLine, CloudLogQuery } from "../contract";

/** One event as a query returned it: time in milliseconds, the log group's resource, its stream and message. */
export type LogRow = { at: number; resource: string; stream: string; message: string };

const levelAliases: Record<string, string> = {
  debug: "debug",
  trace: "debug",
  info: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
  fatal: "error",
  critical: "error",
};
const leadingLevel = /^\s*\[?(DEBUG|INFO|WARN|WARNING|ERROR)\b/;

/** A JSON message's `level`, else a leading level word, else info; always one of debug, info, warn, error. */
function readLogLevel(message: string): string {
  if (message.trimStart().startsWith("{")) {
    try {
      const level = (JSON.parse(message) as { level?: unknown }).level;
      if (typeof level === "string") return levelAliases[level.toLowerCase()] ?? "info";
    } catch {}
  }
  const word = leadingLevel.exec(message)?.[1];
  return word ? (levelAliases[word.toLowerCase()] ?? "info") : "info";
}

export function normalizeLogLevel(level: string): string {
  return levelAliases[level.toLowerCase()] ?? level.toLowerCase();
}

/** The exact filters, applied here so user text never has to be written in the query language. */
export function matchesLogQuery(row: LogRow, query: Pick<CloudLogQuery, "text" | "level">): boolean {
  if (query.level && readLogLevel(row.message) !== normalizeLogLevel(query.level)) return false;
  return !query.text || row.message.toLowerCase().includes(query.text.toLowerCase());
}

export function toLogLine(row: LogRow): CloudLogLine {
  return {
    at: new Date(row.at).toISOString(),
    level: readLogLevel(row.message),
    resource: row.resource,
    message: row.message,
  };
}

/** Tells apart lines of the same millisecond across pages; 32 bits is plenty among one millisecond's lines. */
export function hashLogRow(row: LogRow): number {
  return createHash("sha256").update(`${row.resource}\0${row.stream}\0${row.message}`).digest().readUInt32BE(0);
}
