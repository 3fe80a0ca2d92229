export type Column<Row> = {
  header: string;
  cell: (row: Row) => React.ReactNode;
  className?: string;
  /** Shown from the sm breakpoint up: on a phone another cell carries what it says. */
  wideOnly?: boolean;
};

const wideOnly = (column: { wideOnly?: boolean }) => (column.wideOnly ? "hidden sm:table-cell" : "");

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  caption?: string;
}) {
  // Focusable, so a keyboard can scroll a table wider than a phone; named by its caption.
  return (
    <div className="card overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase ${wideOnly(c)}`}
              >
                {c.header}
              </th>
            ))}
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
