export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
export type LogWriter = (line: string, level: LogLevel) => void;
export type Log = (level: LogLevel, message: string, fields?: LogFields) => void;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const severity: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function levelFromEnv(value = process.env.LOG_LEVEL): LogLevel {
  const level = value?.trim().toLowerCase();
  return level && level in severity ? (level as LogLevel) : "info";
}

// Collectors read one JSON object per line; warnings and errors go to stderr as they always did.
const writeToProcess: LogWriter = (line, level) =>
  (severity[level] >= severity.warn ? process.stderr : process.stdout).write(`${line}\n`);

// A stack trace names files and lines of the server: logs keep the error's name and message only.
function serialise(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return { name: value.name, message: value.message, ...(code !== undefined && { code }) };
  }
  return typeof value === "bigint" ? value.toString() : value;
}

export function formatLogLine(
  level: LogLevel,
  component: string,
  message: string,
  fields: LogFields = {},
  now = new Date(),
): string {
  const base = { time: now.toISOString(), level, component, message };
  // Spreading base twice keeps its keys first and stops a field from overwriting them.
  const entry = { ...base, ...fields, ...base };
  try {
    return JSON.stringify(entry, serialise);
  } catch {
    return JSON.stringify({ ...base, fields: "unserialisable (circular)" });
  }
}

/** A logger for one part of the system (`portal`, `worker`, `health`, …), honouring LOG_LEVEL. */
export function createLogger(component: string, options: { level?: LogLevel; write?: LogWriter } = {}): Logger {
  const threshold = severity[options.level ?? levelFromEnv()];
  const write = options.write ?? writeToProcess;
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (severity[level] >= threshold) write(formatLogLine(level, component, message, fields), level);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export const log = createLogger("portal");
