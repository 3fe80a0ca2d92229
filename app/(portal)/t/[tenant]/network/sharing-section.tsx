import type { ShareRow } from "@/lib/shares/list-shares";
import { EmptyState } from "@/components/empty-state";
import type { ProgressSnapshot } from "../use-live-operation";
import { ShareProgress } from "./share-progress-client";
import { ShareRequestForm } from "./share-request-form-client";
import { SharesTable } from "./shares-table-client";

type Props = {
  tenant: string;
  ready: boolean;
  manage: boolean;
  admin: boolean;
  owners: string[];
  shares: { sharedWith: ShareRow[]; sharedBy: ShareRow[] };
  progress: ProgressSnapshot;
};

/** Both sides of sharing on one tenant's page: what it was given, what it gives, and the requests waiting. */
export function SharingSection({ tenant, ready, manage, admin, owners, shares, progress }: Props) {
  const waiting = shares.sharedBy.filter((s) => s.state === "requested").length;
  return (
    <section aria-labelledby="sharing-title" className="mt-10">
      <h2 id="sharing-title" className="mb-1 text-lg font-semibold">
        Sharing
      </h2>
      <p className="mb-4 text-sm text-slate-500">
        A bucket or database of one tenant, opened to another on purpose: the other tenant asks, this one approves, and
        either side can revoke it.
      </p>
      <ShareProgress tenant={tenant} initial={progress} />
      {manage &&
        (ready ? (
          <ShareRequestForm tenant={tenant} owners={owners} admin={admin} />
        ) : (
          <p className="mb-4 text-sm text-slate-500">Shares can be requested once the tenant is ready.</p>
        ))}
      <h3 className="mt-6 mb-2 font-semibold">Shared with this tenant</h3>
      {shares.sharedWith.length === 0 ? (
        <EmptyState title="Nothing is shared with this tenant">
          {manage
            ? "Ask another tenant for one of its buckets or databases with the form above; its write users approve."
            : "Users with write access can ask another tenant for one of its buckets or databases."}
        </EmptyState>
      ) : (
        <SharesTable tenant={tenant} side="grantee" shares={shares.sharedWith} manage={manage} />
      )}
      <h3 className="mt-6 mb-2 font-semibold">Shared by this tenant</h3>
      {waiting > 0 && (
        <p role="status" className="mb-2 text-sm font-medium text-amber-800">
          {waiting === 1 ? "1 request waits" : `${waiting} requests wait`} for{" "}
          {manage ? "your decision" : "a write user's decision"}.
        </p>
      )}
      {shares.sharedBy.length === 0 ? (
        <EmptyState title="This tenant shares nothing">
          When another tenant&apos;s write user asks for one of this tenant&apos;s buckets or databases, the request
          appears here to approve or decline.
        </EmptyState>
      ) : (
        <SharesTable tenant={tenant} side="owner" shares={shares.sharedBy} manage={manage} />
      )}
    </section>
  );
}
