import { parseArgs } from "node:util";
import { z } from "zod";

const wholeNumber = (flag: string, min: number, max: number, fallback?: number) => {
  const message = `${flag} must be a whole number from ${min} to ${max}`;
  const text = z.string({ error: `${flag} is required: a whole number from ${min} to ${max}` });
  return (fallback === undefined ? text : text.default(String(fallback)))
    .refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, message)
    .transform(Number);
};

export const scaleSeedFlags = z.object({
  tenants: wholeNumber("--tenants", 1, 100_000),
  users: wholeNumber("--users", 1, 1_000_000),
  telemetryHours: wholeNumber("--telemetry-hours", 0, 720, 24),
  costDays: wholeNumber("--cost-days", 0, 730, 90),
  logLinesPerTenant: wholeNumber("--log-lines-per-tenant", 0, 100_000, 500),
  // Every name the seed makes starts with it, so a run can be told apart from (and removed without) the rest.
  prefix: z
    .string()
    .default("scale")
    .refine(
      (value) => /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/.test(value),
      "--prefix must be 2 to 20 lowercase letters, digits and hyphens, starting with a letter",
    ),
});

export type ScaleSeedOptions = z.infer<typeof scaleSeedFlags> & { now?: Date };

const flagNames = {
  tenants: "tenants",
  users: "users",
  telemetryHours: "telemetry-hours",
  costDays: "cost-days",
  logLinesPerTenant: "log-lines-per-tenant",
  prefix: "prefix",
} as const;

export const scaleSeedUsage =
  "usage: npm run seed:scale -- --tenants 1000 --users 10000 [--telemetry-hours 24] [--cost-days 90] [--log-lines-per-tenant 500] [--prefix scale]";

/** The options of a command line, or the one line that says what is wrong with it. */
export function parseScaleFlags(args: string[]): { options: ScaleSeedOptions } | { error: string } {
  let values: Record<string, string | undefined>;
  try {
    const options = Object.fromEntries(Object.values(flagNames).map((name) => [name, { type: "string" as const }]));
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (error) {
    const known = Object.values(flagNames)
      .map((name) => `--${name}`)
      .join(", ");
    const { code, message } = error as { code?: string; message: string };
    const firstLine = message.split("\n")[0]!;
    return { error: code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `${firstLine}; the flags are ${known}` : firstLine };
  }
  const input = Object.fromEntries(Object.entries(flagNames).map(([key, name]) => [key, values[name]]));
  const parsed = scaleSeedFlags.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid flags" };
  return { options: parsed.data };
}
