import { textCell } from "@/lib/csv/csv-cell";
import type { DailyServiceCost } from "./cost-queries";

function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Daily cost lines as CSV, amounts in USD at 2 decimals, then a total of the rounded lines so a
 * spreadsheet's sum matches it. Amounts are numbers we format, so a credit stays a negative number.
 */
export function costCsv(rows: DailyServiceCost[]): string {
  const cents = rows.map((row) => Math.round(row.amount * 100));
  const lines = rows.map((row, i) => `${textCell(row.day)},${textCell(row.service)},${formatCents(cents[i]!)}`);
  const total = cents.reduce((sum, c) => sum + c, 0);
  return ["day,service,amount_usd", ...lines, `total,,${formatCents(total)}`].join("\n") + "\n";
}
