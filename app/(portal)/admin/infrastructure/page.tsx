import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { listInfrastructuresWithTenantCounts } from "@/lib/admin/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/components/format";

export const metadata = { title: "Infrastructure" };

type InfraRow = Awaited<ReturnType<typeof listInfrastructuresWithTenantCounts>>[number];

export default async function AdminInfrastructurePage() {
  await authorizePage("/admin/infrastructure");
  const rows = await listInfrastructuresWithTenantCounts(await getDb());
  return (
    <>
      <PageHeader title="Infrastructure" description="The places tenants live: a VPC and Kubernetes cluster in one region, or the embedded local cloud." />
      <DataTable<InfraRow>
        caption="Infrastructures"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "Name", cell: (r) => <span className="font-medium">{r.name}</span> },
          { header: "Driver", cell: (r) => r.driver },
          { header: "Region", cell: (r) => r.region },
          { header: "Tenants", cell: (r) => r.tenantCount },
          { header: "Registered", cell: (r) => formatDateTime(r.createdAt), className: "text-slate-500" },
        ]}
      />
    </>
  );
}
