import { loadAdminEmail, loadTestEmail, scalePassword } from "./scale-names";
import type { ScaleSeedSummary } from "./seed-scale-data";

type Busiest = { email: string; tenants: number } | null;

/** The summary as a table for people, then one JSON line for tools. */
export function formatScaleSummary(summary: ScaleSeedSummary & { database: string; busiest?: Busiest }): string[] {
  const header = ["table", "created", "already there", "seconds"];
  const rows = summary.tables.map((t) => [
    t.table,
    t.created.toLocaleString("en"),
    t.existing.toLocaleString("en"),
    t.seconds.toFixed(1),
  ]);
  const total = summary.tables.reduce(
    (sum, t) => ({ created: sum.created + t.created, existing: sum.existing + t.existing }),
    { created: 0, existing: 0 },
  );
  rows.push([
    "total",
    total.created.toLocaleString("en"),
    total.existing.toLocaleString("en"),
    summary.seconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const accounts = {
    password: scalePassword,
    loadTest: loadTestEmail(summary.prefix),
    loadAdmin: loadAdminEmail(summary.prefix),
    busiest: summary.busiest?.email,
  };
  return [
    "",
    `Scale seed of ${summary.database} (prefix ${summary.prefix}) in ${summary.seconds.toFixed(1)} s`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `Every seeded account's password: ${accounts.password}`,
    `Load test: ${accounts.loadTest} (3 tenants); admin: ${accounts.loadAdmin}${summary.busiest ? `; most tenants: ${summary.busiest.email} (${summary.busiest.tenants})` : ""}`,
    JSON.stringify({ seedScale: { ...summary, busiest: undefined, accounts } }),
  ];
}
