import type { Metadata } from "next";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import {
  describeMappingTarget,
  listGroupMappings,
  type GroupMappingRow,
} from "@/lib/group-mappings/list-group-mappings";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";
import { DeleteMappingButton } from "./delete-mapping-client";
import { NewMappingForm } from "./new-mapping-client";

export const metadata: Metadata = { title: "SSO groups" };

export default async function AdminGroupsPage() {
  const { actor } = await authorizePage("/admin/groups");
  const db = await getDb();
  const [mappings, tenants] = await Promise.all([listGroupMappings(db), listVisibleTenants(db, actor)]);
  const canEdit = can(actor, "admin:write");
  return (
    <>
      <PageHeader
        title="SSO groups"
        description="What each identity-provider group gives its members. Applied at every SSO sign-in; deleting a tenant mapping removes its grants at once."
      />
      {canEdit && <NewMappingForm tenants={tenants.map((t) => ({ id: t.id, name: t.name }))} />}
      {mappings.length === 0 ? (
        <EmptyState title="No group is mapped yet">
          SSO users get no access until an administrator grants it or one of their groups is mapped here.
        </EmptyState>
      ) : (
        <DataTable<GroupMappingRow>
          caption="Group mappings"
          rows={mappings}
          rowKey={(m) => m.id}
          columns={[
            { header: "Group", cell: (m) => <span className="font-mono text-sm">{m.group}</span> },
            { header: "Gives", cell: (m) => <StatusBadge status={describeMappingTarget(m)} /> },
            {
              header: "Created",
              cell: (m) => formatDateTime(m.createdAt),
              className: "whitespace-nowrap text-slate-500",
            },
            ...(canEdit
              ? [
                  {
                    header: "Actions",
                    cell: (m: GroupMappingRow) => (
                      <DeleteMappingButton id={m.id} label={`${m.group} → ${describeMappingTarget(m)}`} />
                    ),
                    className: "text-right",
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
