import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { listInfrastructures } from "@/lib/infrastructure/queries";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { NewTenantForm } from "./new-tenant-client";

export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  await authorizePage("/tenants/new");
  const infrastructures = await listInfrastructures(await getDb());
  return (
    <>
      <PageHeader
        title="New tenant"
        description="An environment with its own network boundary, IAM role, namespace, keys, access and cost. Provisioning starts at once; you will watch it on the tenant's page."
      />
      {infrastructures.length === 0 ? (
        <EmptyState title="No infrastructure to put it in">
          A tenant lives in an infrastructure.{" "}
          <Link className="text-brand-600 underline" href="/admin/infrastructure">
            Register one
          </Link>{" "}
          first.
        </EmptyState>
      ) : (
        <NewTenantForm
          infrastructures={infrastructures.map((i) => ({ id: i.id, label: `${i.name} (${i.driver}, ${i.region})` }))}
        />
      )}
    </>
  );
}
