import type { LogLineView } from "@/lib/cloud/contract";

// A spreadsheet runs a cell that starts with = + - @ as a formula; log text is attacker-written.
const neutralize = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const csvCell = (value: string) => `"${neutralize(value).replace(/"/g, '""')}"`;

/** Lines as a download body: one JSON object per line, or CSV with a header row. */
export function formatLogExport(lines: LogLineView[], format: "ndjson" | "csv"): string {
  if (format === "ndjson") return lines.map((l) => JSON.stringify(l)).join("\n") + (lines.length ? "\n" : "");
  const rows = lines.map((l) => [l.at, l.level, l.resource, l.message].map(csvCell).join(","));
  return ["time,level,resource,message", ...rows].join("\r\n") + "\r\n";
}

export function exportHeaders(tenant: string, format: "ndjson" | "csv", now = new Date()): HeadersInit {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "");
  return {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    "content-disposition": `attachment; filename="${tenant}-logs-${stamp}.${format}"`,
    "cache-control": "no-store",
  };
}
