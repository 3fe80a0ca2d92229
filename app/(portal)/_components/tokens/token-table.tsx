"use client";

import Link from "next/link";
import type { ActionResult } from "@/lib/actions/result";
import type { TokenRow } from "@/lib/tokens/list-tokens";
import type { RevokeResult } from "@/lib/tokens/revoke-token";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable, type Column } from "@/components/data-table";
import { formatDateTime } from "@/components/format";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { useConfirmedAction } from "@/components/use-action-runner";

type Owner = { id: string; name: string; email: string; kind: "person" | "service" };
export type TokenTableRow = TokenRow & { owner?: Owner };

type Props = {
  tokens: TokenTableRow[];
  /** A server action: revokeOwnToken on /account, revokeAnyToken for administrators. */
  revokeAction?: (input: unknown) => Promise<ActionResult<RevokeResult>>;
  now: string;
};

function OwnerCell({ owner }: { owner: Owner }) {
  const href = owner.kind === "service" ? `/admin/service-accounts/${owner.id}` : `/admin/users/${owner.id}`;
  return (
    <Link href={href} className="group">
      <span className="font-medium text-brand-600 group-hover:underline">{owner.name}</span>{" "}
      <span className="block text-xs text-slate-500">{owner.kind === "service" ? "service account" : owner.email}</span>
    </Link>
  );
}

function RevokeButton({ token, revokeAction }: { token: TokenTableRow; revokeAction: Props["revokeAction"] & {} }) {
  const confirmed = useConfirmedAction();
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke the token “${token.name}”?`}
      className="btn-secondary text-red-700"
      onConfirm={() => confirmed(() => revokeAction({ tokenId: token.id }), "Token revoked.")}
    >
      Whatever uses it is refused from its next request. This cannot be undone: a new token has a new secret.
    </ConfirmButton>
  );
}

export function TokenTable({ tokens, revokeAction, now }: Props) {
  const columns: Column<TokenTableRow>[] = [
    {
      header: "Token",
      cell: (t) => (
        <span>
          <span className="font-medium">{t.name}</span>{" "}
          <code className="block text-xs text-slate-500">{t.prefix}…</code>
        </span>
      ),
    },
    ...(tokens.some((t) => t.owner)
      ? [{ header: "Owner", cell: (t: TokenTableRow) => <OwnerCell owner={t.owner!} /> }]
      : []),
    { header: "Scope", cell: (t) => t.scope },
    { header: "Created", cell: (t) => <RelativeTime at={t.createdAt} now={now} />, wideOnly: true },
    { header: "Expires", cell: (t) => formatDateTime(t.expiresAt), className: "whitespace-nowrap text-slate-600" },
    { header: "Last used", cell: (t) => (t.lastUsedAt ? <RelativeTime at={t.lastUsedAt} now={now} /> : "Never") },
    { header: "State", cell: (t) => <StatusBadge status={t.state} /> },
  ];
  if (revokeAction)
    columns.push({
      header: "Revoke",
      cell: (t) => (t.state === "active" ? <RevokeButton token={t} revokeAction={revokeAction} /> : null),
    });
  return <DataTable caption="Access tokens" rows={tokens} rowKey={(t) => t.id} columns={columns} />;
}
