import { describe, expect, it } from "vitest";
import { createLogger, formatLogLine, levelFromEnv, type LogLevel } from "@/lib/observability/logger";

function captured(level?: LogLevel) {
  const lines: { line: string; level: LogLevel }[] = [];
  const logger = createLogger("test", { level, write: (line, at) => lines.push({ line, level: at }) });
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l.line) as Record<string, unknown>) };
}

describe("structured logs", () => {
  it("writes one JSON object per line with time, level, component, message and the fields", () => {
    const { logger, lines, entries } = captured();
    logger.info("tenant created", { tenant: "acme", operationId: "op-1", attempt: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).not.toContain("\n");
    const [entry] = entries();
    expect(entry).toEqual({
      time: expect.any(String),
      level: "info",
      component: "test",
      message: "tenant created",
      tenant: "acme",
      operationId: "op-1",
      attempt: 2,
    });
    expect(new Date(entry!.time as string).toISOString()).toBe(entry!.time);
    expect(Object.keys(entry!).slice(0, 4)).toEqual(["time", "level", "component", "message"]);
  });

  it("keeps an error's name and message but never its stack", () => {
    const error = Object.assign(new TypeError("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    const line = formatLogLine("error", "db", "query failed", { error, nested: { cause: new Error("inner") } });
    const entry = JSON.parse(line);
    expect(entry.error).toEqual({
      name: "TypeError",
      message: "connect ECONNREFUSED 10.0.0.5:5432",
      code: "ECONNREFUSED",
    });
    expect(entry.nested.cause).toEqual({ name: "Error", message: "inner" });
    expect(line).not.toContain("at ");
    expect(line).not.toContain(".ts:");
  });

  it("does not let fields overwrite the level, time, component or message", () => {
    const entry = JSON.parse(
      formatLogLine(
        "warn",
        "health",
        "not ready",
        { level: "debug", message: "spoof", component: "x", time: "then" },
        new Date("2026-01-02T03:04:05Z"),
      ),
    );
    expect(entry).toMatchObject({
      level: "warn",
      message: "not ready",
      component: "health",
      time: "2026-01-02T03:04:05.000Z",
    });
  });

  it("survives values JSON cannot hold", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(JSON.parse(formatLogLine("info", "t", "big", { count: 10n })).count).toBe("10");
    expect(JSON.parse(formatLogLine("info", "t", "loop", { circular }))).toMatchObject({
      message: "loop",
      fields: expect.stringContaining("unserialisable"),
    });
  });

  it("drops what is below LOG_LEVEL and sends warnings and errors to their own stream", () => {
    const { logger, lines } = captured("warn");
    logger.debug("noise");
    logger.info("routine");
    logger.warn("slow");
    logger.error("broken");
    expect(lines.map((l) => [JSON.parse(l.line).message, l.level])).toEqual([
      ["slow", "warn"],
      ["broken", "error"],
    ]);
  });

  it("reads LOG_LEVEL case-insensitively and falls back to info", () => {
    expect(levelFromEnv("DEBUG")).toBe("debug");
    expect(levelFromEnv(" error ")).toBe("error");
    expect(levelFromEnv("verbose")).toBe("info");
    expect(levelFromEnv(undefined)).toBe("info");
  });
});
