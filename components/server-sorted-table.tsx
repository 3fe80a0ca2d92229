"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { TableView } from "./table-view";

type Props<Row> = {
  caption: string;
  rows: Row[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rowId: (row: Row) => string;
  /** The sort the server applied, read from the URL's `sort` and `dir`. */
  sort: { id: string; desc: boolean };
  now?: string;
};

/**
 * One page of a long list the server sorted and paged: a header click changes `sort` and `dir` in
 * the URL (back to page 1), and the server answers with the new page.
 */
export function ServerSortedTable<Row>({ caption, rows, columns, rowId, sort, now }: Props<Row>) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const sorting: SortingState = [sort];
  // The portal does not run the React Compiler, so nothing memoizes what react-table returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    meta: { now },
    enableSortingRemoval: false,
    onSortingChange: (update) => {
      const [next] = typeof update === "function" ? update(sorting) : update;
      if (!next) return;
      const query = new URLSearchParams(params);
      query.set("sort", next.id);
      query.set("dir", next.desc ? "desc" : "asc");
      query.delete("page");
      router.push(`${pathname}?${query}`);
    },
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
  });
  return <TableView table={table} caption={caption} />;
}
