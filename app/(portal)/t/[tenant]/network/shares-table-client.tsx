"use client";

import type { ShareRow } from "@/lib/shares/list-shares";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";
import { useConfirmedAction } from "@/components/use-action-runner";
import { decideShare, revokeShare } from "./actions";

type Props = { tenant: string; side: "owner" | "grantee"; shares: ShareRow[]; manage: boolean };

const who = (name: string | null, at: string | null) =>
  name || at ? (
    <span>
      {name ?? "someone since removed"}
      {at && <span className="block text-xs text-slate-500">{formatDateTime(new Date(at))}</span>}
    </span>
  ) : (
    <span className="text-slate-400">—</span>
  );

function ShareButtons({ tenant, side, share }: { tenant: string; side: Props["side"]; share: ShareRow }) {
  const confirmed = useConfirmedAction();
  const decide = (decision: "approve" | "decline") => () =>
    confirmed(
      () => decideShare({ tenant, shareId: share.id, decision }),
      decision === "approve" ? "Approved." : "Declined.",
    );
  const grants = `${share.otherTenant} ${share.access} access to ${share.resource}`;
  const decidable = side === "owner" && (share.state === "requested" || share.state === "failed");
  const revocable = ["active", "failed"].includes(share.state) || (side === "grantee" && share.state === "requested");
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {decidable && (
        <ConfirmButton
          label={share.state === "failed" ? "Approve again" : "Approve"}
          tone="primary"
          title={`Give ${grants}?`}
          onConfirm={decide("approve")}
        >
          The engine adds exactly what this access needs in {tenant}&apos;s cloud; either side can revoke it later.
        </ConfirmButton>
      )}
      {side === "owner" && share.state === "requested" && (
        <ConfirmButton label="Decline" title={`Decline ${share.otherTenant}'s request?`} onConfirm={decide("decline")}>
          Nothing was made in the cloud; {share.otherTenant} can ask again.
        </ConfirmButton>
      )}
      {revocable && (
        <ConfirmButton
          label={share.state === "requested" ? "Withdraw" : "Revoke"}
          title={
            share.state === "requested"
              ? "Withdraw this request?"
              : `Revoke ${share.resource} for ${share.otherTenant}?`
          }
          onConfirm={() => confirmed(() => revokeShare({ tenant, shareId: share.id }), "Revoked.")}
        >
          {share.state === "requested"
            ? "The request ends; nothing was made in the cloud."
            : "The bucket-policy statement and key grant (or the database's ingress rules) made for it are removed."}
        </ConfirmButton>
      )}
    </div>
  );
}

/** One side's shares: the resource, the other tenant, who asked, who decided, and what a write user may do next. */
export function SharesTable({ tenant, side, shares, manage }: Props) {
  return (
    <DataTable<ShareRow>
      caption={side === "owner" ? "Shared by this tenant" : "Shared with this tenant"}
      rows={shares}
      rowKey={(s) => s.id}
      columns={[
        { header: "Resource", cell: (s) => <span className="font-medium">{s.resource}</span> },
        { header: side === "owner" ? "Given to" : "Owned by", cell: (s) => s.otherTenant },
        { header: "Access", cell: (s) => s.access },
        {
          header: "State",
          cell: (s) => (
            <span>
              <StatusBadge status={s.state} />
              {s.error && <span className="ml-2 text-xs text-red-700">{s.error}</span>}
            </span>
          ),
        },
        { header: "Asked by", cell: (s) => who(s.requestedBy, s.requestedAt) },
        { header: "Decided by", cell: (s) => who(s.decidedBy, s.decidedAt) },
        ...(manage
          ? [{ header: "", cell: (s: ShareRow) => <ShareButtons tenant={tenant} side={side} share={s} /> }]
          : []),
      ]}
    />
  );
}
