import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { cloudDescriptors } from "@/lib/cloud/registry";
import {
  checkInfrastructureConnectivityWithin,
  type Connectivity,
} from "@/lib/infrastructure/check-infrastructure-connectivity";
import { listInfrastructures } from "@/lib/infrastructure/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { RegisterInfrastructureForm } from "./register-infrastructure-client";

export const metadata = { title: "Infrastructure" };

type InfraRow = Awaited<ReturnType<typeof listInfrastructures>>[number] & { connectivity: Connectivity };

function ConnectivityCell({ connectivity }: { connectivity: Connectivity }) {
  return connectivity.ok ? (
    <span className="text-emerald-700">reachable: {connectivity.detail}</span>
  ) : (
    <span className="text-red-700">unreachable: {connectivity.detail}</span>
  );
}

// The real clouds first; the simulated one is for demos.
const driverChoices = Object.values(cloudDescriptors)
  .sort((a, b) => Number(a.simulatedTelemetry) - Number(b.simulatedTelemetry))
  .map(({ kind, label, description }) => ({ kind, label, description }));

export default async function AdminInfrastructurePage() {
  const { actor } = await authorizePage("/admin/infrastructure");
  const db = await getDb();
  const infrastructures = await listInfrastructures(db);
  // Each check is bounded, and they run side by side, so one hanging cloud delays the page by at most 3 s.
  const withChecks: InfraRow[] = await Promise.all(
    infrastructures.map(async (i) => ({ ...i, connectivity: await checkInfrastructureConnectivityWithin(db, i) })),
  );
  return (
    <>
      <PageHeader
        title="Infrastructure"
        description="The places tenants live: a VPC and Kubernetes cluster in one region, or the embedded local cloud."
      />
      {withChecks.length === 0 ? (
        <EmptyState title="No infrastructure yet">
          Tenants are created inside an infrastructure.{" "}
          {can(actor, "admin:write") ? "Register the first one below." : "An administrator registers them."}
        </EmptyState>
      ) : (
        <DataTable<InfraRow>
          caption="Infrastructures"
          rows={withChecks}
          rowKey={(r) => r.id}
          columns={[
            { header: "Name", cell: (r) => <span className="font-medium">{r.name}</span> },
            { header: "Driver", cell: (r) => r.driver },
            { header: "Region", cell: (r) => r.region },
            { header: "Tenants", cell: (r) => r.tenantCount },
            {
              header: "Connectivity",
              cell: (r) => <ConnectivityCell connectivity={r.connectivity} />,
              className: "max-w-md text-xs break-words",
            },
            { header: "Registered", cell: (r) => formatDateTime(r.createdAt), className: "text-slate-500" },
          ]}
        />
      )}
      {can(actor, "admin:write") && <RegisterInfrastructureForm drivers={driverChoices} />}
    </>
  );
}
