import type { CloudLogLine, CloudLogQuery } from "../contract";

/** A pod log line with what the merge needs: a nanosecond sort key and its place in the merge. */
export type PodLogLine = CloudLogLine & { key: string; source: string; seq: number };

// `kubectl logs --timestamps`: RFC3339 (usually RFC3339Nano, in UTC), one space, then the line.
const timestampedLine = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}) (.*)$/s;
const leadingLevel = /^\[?(debug|info|warn|warning|error)\b/i;
const levelNames: Record<string, string> = {
  debug: "debug",
  trace: "debug",
  info: "info",
  notice: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
  err: "error",
  fatal: "error",
  critical: "error",
  panic: "error",
};

// pino and bunyan write numeric levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
function readNumericLevel(level: number): string {
  return level >= 50 ? "error" : level >= 40 ? "warn" : level >= 30 ? "info" : "debug";
}

function readJsonLevel(message: string): string | undefined {
  if (!message.startsWith("{")) return undefined;
  try {
    const { level } = JSON.parse(message) as { level?: unknown };
    if (typeof level === "number") return readNumericLevel(level);
    if (typeof level === "string") return levelNames[level.toLowerCase()] ?? "info";
  } catch {}
  return undefined;
}

/** A JSON line's `level`, else a leading DEBUG/INFO/WARN/WARNING/ERROR, else info. */
function readLevel(message: string): string {
  const word = leadingLevel.exec(message)?.[1];
  return readJsonLevel(message) ?? (word ? levelNames[word.toLowerCase()]! : "info");
}

/**
 * One line of a container's log, or null when it has no timestamp (the cut-off end of a
 * byte-limited read). The message is kept verbatim; escaping it is the page's job.
 */
export function parsePodLogLine(line: string, resource: string, source: string, seq: number): PodLogLine | null {
  const match = timestampedLine.exec(line.endsWith("\r") ? line.slice(0, -1) : line);
  if (!match) return null;
  const [, seconds, fraction = "", zone, message = ""] = match;
  const secondsMs = Date.parse(`${seconds}${zone}`);
  if (Number.isNaN(secondsMs)) return null;
  const nanos = fraction.padEnd(9, "0");
  const at = new Date(secondsMs + Number(nanos.slice(0, 3))).toISOString();
  const key = `${new Date(secondsMs).toISOString().slice(0, 19)}.${nanos}Z`;
  return { at, key, level: readLevel(message), resource, message, source, seq };
}

/** Whether a line is in the query's window and matches its level and (case-insensitive) text. */
export function matchesLogQuery(line: PodLogLine, query: CloudLogQuery): boolean {
  const time = Date.parse(line.at);
  if (time < query.from.getTime() || time > query.to.getTime()) return false;
  if (query.level && line.level !== query.level) return false;
  return !query.text || line.message.toLowerCase().includes(query.text.toLowerCase());
}
