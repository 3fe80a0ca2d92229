import type { LogLineView } from "@/lib/cloud/contract";
import { DataTable } from "@/components/data-table";
import { HighlightMatch } from "@/components/highlight-match";

const levelTones: Record<string, string> = {
  debug: "bg-slate-100 text-slate-600 ring-slate-500/20",
  info: "bg-sky-50 text-sky-700 ring-sky-600/20",
  warn: "bg-amber-50 text-amber-800 ring-amber-600/20",
  error: "bg-red-50 text-red-700 ring-red-600/20",
};

export function LevelBadge({ level }: { level: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium uppercase ring-1 ring-inset ${levelTones[level] ?? levelTones.debug}`}
    >
      {level}
    </span>
  );
}

// UTC with milliseconds, the same on the server and in every browser (no hydration mismatch).
const formatAt = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 23)}`;

/**
 * Log lines, newest first, the searched text marked. Messages are attacker-influenced text and are
 * only ever rendered as text nodes.
 */
export function LogTable({ lines, query }: { lines: LogLineView[]; query?: string }) {
  return (
    <DataTable
      caption="Log lines"
      rows={lines}
      rowKey={(line) => String(line.id)}
      columns={[
        {
          header: "Time (UTC)",
          cell: (line) => formatAt(line.at),
          className: "whitespace-nowrap font-mono text-xs text-slate-500 align-top",
        },
        { header: "Level", cell: (line) => <LevelBadge level={line.level} />, className: "align-top" },
        { header: "Resource", cell: (line) => line.resource, className: "whitespace-nowrap align-top" },
        {
          header: "Message",
          cell: (line) => <HighlightMatch text={line.message} query={query} />,
          className: "font-mono text-xs break-all whitespace-pre-wrap",
        },
      ]}
    />
  );
}
