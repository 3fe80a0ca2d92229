/** The middle value (the upper one of the two middle values for an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Prints benchmark rows as JSON (for tools) and as a table (for people). */
export function printResults(title: string, rows: Record<string, string | number>[]): void {
  console.log(JSON.stringify({ benchmark: title, results: rows }, null, 2));
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  console.log(`\n${title}`);
  console.log(columns.map((c) => c.padEnd(width(c))).join("  "));
  for (const row of rows) console.log(columns.map((c) => String(row[c]).padEnd(width(c))).join("  "));
}
