import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  shown: number;
  href: (page: number) => string;
};

/** The pages worth a link: first, last, and two either side of the current one. */
function pageNumbers(page: number, pageCount: number): (number | "gap")[] {
  const wanted = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  return wanted.flatMap((p, i) => (i > 0 && p - wanted[i - 1]! > 1 ? ["gap" as const, p] : [p]));
}

export function Pagination({ page, pageCount, pageSize, total, shown, href }: Props) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const link = "rounded-md px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100";
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-500">
        Showing {first}–{first + shown - 1} of {total}
      </p>
      {pageCount > 1 && (
        <div className="flex items-center gap-1">
          {page > 1 && (
            <Link className={link} href={href(page - 1)} rel="prev">
              Previous
            </Link>
          )}
          {pageNumbers(page, pageCount).map((p, i) =>
            p === "gap" ? (
              <span key={`gap-${i}`} className="px-1 text-slate-400">
                …
              </span>
            ) : (
              <Link
                key={p}
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                className={p === page ? `${link} bg-brand-50 font-semibold text-brand-700` : link}
              >
                {p}
              </Link>
            ),
          )}
          {page < pageCount && (
            <Link className={link} href={href(page + 1)} rel="next">
              Next
            </Link>
          )}
        </div>
      )}
    </nav>
  );
}
