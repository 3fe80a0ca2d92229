import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { SortDir } from "@/lib/tables/list-sort";
import { listHref } from "./list-href";

/** A long list the server sorted: the sort it applied (from the URL), and the list's URL sorted another way. */
export type ServerSort = {
  by: { sort: string; dir: SortDir };
  /** The list sorted this way, back on page 1, its filters kept. */
  href: (sort: string, dir: SortDir) => string;
};

/** The list at `path` as `query` sorts it; sorted another way, it keeps the query's filters and goes back to page 1. */
export function serverSort(
  path: string,
  query: { sort: string; dir: SortDir } & Record<string, string | number | undefined>,
): ServerSort {
  return { by: query, href: (sort, dir) => listHref(path, { ...query, sort, dir, page: 1 }) };
}

const ariaSort = { asc: "ascending", desc: "descending" } as const;
const flip = { asc: "desc", desc: "asc" } as const;

/**
 * A column header's link to the list sorted by it (the other way round when it already is): it
 * sorts without JavaScript, and the page carries no table library. `aria-sort` says the order.
 */
export function SortHeader({
  label,
  sortKey,
  firstDir = "asc",
  sort,
  className,
}: {
  label: string;
  sortKey: string;
  firstDir?: SortDir;
  sort: ServerSort;
  className: string;
}) {
  const sorted = sort.by.sort === sortKey ? sort.by.dir : undefined;
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={sorted ? ariaSort[sorted] : "none"} className={className}>
      <Link
        href={sort.href(sortKey, sorted ? flip[sorted] : firstDir)}
        prefetch={false}
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
      >
        {label}
        <Icon aria-hidden="true" className={`size-3.5 ${sorted ? "" : "text-slate-400"}`} />
      </Link>
    </th>
  );
}
