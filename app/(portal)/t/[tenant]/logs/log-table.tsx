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

// On a phone the message takes the whole width and carries the line's time, level and resource above it.
function PhoneLineFacts({ line }: { line: LogLineView }) {
  return (
    <span className="mb-1 flex flex-wrap items-center gap-2 font-sans text-slate-500 sm:hidden">
      <LevelBadge level={line.level} />
      <span className="font-mono">{formatAt(line.at)}</span>
      <span>{line.resource}</span>
    </span>
  );
}

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
          wideOnly: true,
        },
        { header: "Level", cell: (line) => <LevelBadge level={line.level} />, className: "align-top", wideOnly: true },
        {
          header: "Resource",
          cell: (line) => line.resource,
          className: "whitespace-nowrap align-top",
          wideOnly: true,
        },
        {
          header: "Message",
          cell: (line) => (
            <>
              <PhoneLineFacts line={line} />
              <HighlightMatch text={line.message} query={query} />
            </>
          ),
          className: "font-mono text-xs break-all whitespace-pre-wrap",
        },
      ]}
    />
  );
}
