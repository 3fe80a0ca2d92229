import type { Metadata } from "next";
import Link from "next/link";
import { pageTitle } from "@/lib/page-title";

const title = "Not found";
/** Both not-found pages' metadata. */
export const notFoundMetadata: Metadata = { title };

// A missing tenant and a tenant the user may not see get this same answer. data-not-found lets
// the shell hide what belongs to the tenant named in the URL (see globals.css).
// The <title> (hoisted by React) repeats the metadata's: when notFound() comes from a layout, the
// client renders the page again after hydration, and Next's streamed metadata can leave the tab's
// title empty for a moment (~300 ms under load) until it resolves again. This one stays.
export function NotFoundMessage() {
  return (
    <div data-not-found className="flex min-h-[60vh] flex-col items-center justify-center p-8 text-center">
      <title>{pageTitle(title)}</title>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/tenants" className="btn-primary mt-6">
        Back to your tenants
      </Link>
    </div>
  );
}
