import Link from "next/link";
import type { UserDetail, UserGrant } from "@/lib/users/get-user-detail";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { RevokeGrantButton } from "@/app/(portal)/_components/grant-access";

function Expiry({ grant }: { grant: UserGrant }) {
  if (!grant.expiresAt) return "Never";
  if (grant.expired) return <span className="text-red-700">Expired {formatDateTime(grant.expiresAt)}</span>;
  return formatDateTime(grant.expiresAt);
}

function Source({ grant, user, manage }: { grant: UserGrant; user: UserDetail; manage: boolean }) {
  if (grant.source !== "direct") {
    const group = grant.source.replace(/^group:/, "");
    return <span className="text-slate-500">Given by SSO group {group}; changes at the next sign-in</span>;
  }
  return (
    <span className="flex items-center justify-between gap-3">
      <span>Direct</span>
      {manage && <RevokeGrantButton tenant={grant.tenant} userId={user.id} email={user.email} />}
    </span>
  );
}

export function GrantsTable({ user, manage }: { user: UserDetail; manage: boolean }) {
  if (user.grants.length === 0) {
    return (
      <EmptyState title="No tenant access">
        {user.role === "user"
          ? "This user sees no tenant until they are granted one."
          : `As ${user.role}, they see every tenant without a grant.`}
      </EmptyState>
    );
  }
  return (
    <DataTable<UserGrant>
      caption="Tenant access"
      rows={user.grants}
      rowKey={(g) => `${g.tenant}:${g.source}`}
      columns={[
        {
          header: "Tenant",
          cell: (g) => (
            <Link className="font-medium text-brand-600 hover:underline" href={`/t/${g.tenant}`}>
              {g.tenant}
            </Link>
          ),
        },
        { header: "Level", cell: (g) => g.level },
        { header: "Expires", cell: (g) => <Expiry grant={g} />, className: "whitespace-nowrap" },
        { header: "Source", cell: (g) => <Source grant={g} user={user} manage={manage} /> },
      ]}
    />
  );
}
