"use client";

import { useState } from "react";
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { TableView } from "./table-view";

type Props<Row> = {
  caption: string;
  rows: Row[];
  // react-table's own column type: each column's value type differs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rowId: (row: Row) => string;
  initialSort?: SortingState;
};

/** A short list, sorted and filtered in the browser. Long lists sort and filter on the server: see DataTable's `sort`. */
export function ClientTable<Row>({ caption, rows, columns, rowId, initialSort = [] }: Props<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [filter, setFilter] = useState("");
  // The portal does not run the React Compiler, so nothing memoizes what react-table returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows.length;
  return (
    <>
      {rows.length > 1 && (
        <label className="mb-2 flex items-center gap-2 text-sm text-slate-600">
          Filter {caption.toLowerCase()}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="input w-56" />
          {filter && <span role="status">{`${shown} of ${rows.length}`}</span>}
        </label>
      )}
      <TableView table={table} caption={caption} />
    </>
  );
}
