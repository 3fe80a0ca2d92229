import Link from "next/link";
import type { ServiceAccountRow } from "@/lib/service-accounts/list-service-accounts";
import { DataTable } from "@/components/data-table";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";

export function ServiceAccountsTable({ accounts, now }: { accounts: ServiceAccountRow[]; now: string }) {
  return (
    <DataTable<ServiceAccountRow>
      caption="Service accounts"
      rows={accounts}
      rowKey={(a) => a.id}
      columns={[
        {
          header: "Service account",
          cell: (a) => (
            <Link href={`/admin/service-accounts/${a.id}`} className="group">
              <span className="font-medium text-brand-600 group-hover:underline">{a.name}</span>{" "}
              <span className="block text-xs break-all text-slate-500">{a.email}</span>
            </Link>
          ),
        },
        { header: "Role", cell: (a) => a.role },
        { header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
        { header: "Live tokens", cell: (a) => a.liveTokens, className: "tabular-nums" },
        {
          header: "Last used",
          cell: (a) => (a.lastUsedAt ? <RelativeTime at={a.lastUsedAt} now={now} /> : "Never"),
          wideOnly: true,
        },
        { header: "Tenants", cell: (a) => a.tenantCount, className: "tabular-nums", wideOnly: true },
      ]}
    />
  );
}
