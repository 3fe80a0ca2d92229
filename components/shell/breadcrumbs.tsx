"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChevronRight } from "lucide-react";
import { breadcrumbTrail } from "./breadcrumb-trail";

export function Breadcrumbs() {
  const trail = breadcrumbTrail(usePathname());
  if (trail.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-3 on-not-found:hidden">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-500">
        {trail.map((crumb, index) => {
          const last = index === trail.length - 1;
          return (
            <li key={crumb.href} className="flex items-center gap-1">
              {index > 0 && <ChevronRight aria-hidden="true" className="size-3.5 text-slate-400" />}
              {last ? (
                <span aria-current="page" className="font-medium text-slate-700">
                  {crumb.label}
                </span>
              ) : (
                <Link href={crumb.href} className="hover:text-slate-800 hover:underline">
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
