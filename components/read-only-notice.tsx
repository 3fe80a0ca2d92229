import { readOnlyNotice } from "@/lib/auth/read-only-message";

/** Says why a page shows no controls to change things, where they would have been. */
export function ReadOnlyNotice({ tenant, what }: { tenant: string; what: string }) {
  return (
    <p role="note" className="card mb-6 border-l-4 border-l-slate-400 p-4 text-sm text-slate-700">
      {readOnlyNotice(tenant, what)}
    </p>
  );
}
