import type { SortDir } from "@/lib/tables/list-sort";
import { SortHeader, type ServerSort } from "./sort-header";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => React.ReactNode;
  className?: string;
  /** Shown from the sm breakpoint up: on a phone another cell carries what it says. */
  wideOnly?: boolean;
  /** The server's key to sort by this column, in a table given `sort`; the first click sorts `firstDir` (ascending). */
  sortKey?: string;
  firstDir?: SortDir;
};

const wideOnly = (column: { wideOnly?: boolean }) => (column.wideOnly ? "hidden sm:table-cell" : "");

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
  sort,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  caption?: string;
  /** For one page of a long list sorted on the server: its headers with a sortKey sort it. */
  sort?: ServerSort;
}) {
  // Focusable, so a keyboard can scroll a table wider than a phone; named by its caption.
  return (
    <div className="card overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => {
              const className = `px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase ${wideOnly(c)}`;
              return sort && c.sortKey ? (
                <SortHeader
                  key={c.header}
                  label={c.header}
                  sortKey={c.sortKey}
                  firstDir={c.firstDir}
                  sort={sort}
                  className={className}
                />
              ) : (
                <th key={c.header} scope="col" className={className}>
                  {c.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.header} className={`px-4 py-2 ${c.className ?? ""} ${wideOnly(c)}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
