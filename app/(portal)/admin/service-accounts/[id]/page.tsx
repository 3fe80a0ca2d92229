import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { getServiceAccount } from "@/lib/service-accounts/get-service-account";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { GrantAccessForm } from "@/app/(portal)/_components/grant-access";
import { GrantsTable } from "../../users/[id]/grants-table";
import { RoleForm } from "../../users/[id]/manage-user-client";
import { ServiceAccountFacts } from "./service-account-facts";
import { ServiceAccountTokens } from "./service-account-tokens";
import { StatusButton } from "./status-button-client";

export const metadata: Metadata = { title: "Service account" };

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-0.5 mb-3 text-sm text-slate-500">{description}</p>
      {children}
    </section>
  );
}

export default async function ServiceAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await authorizePage("/admin/service-accounts/[id]");
  const db = await getDb();
  const account = await getServiceAccount(db, (await params).id);
  if (!account) notFound();
  const manage = can(actor, "admin:write");
  const tenants = manage ? (await listVisibleTenants(db, actor)).map((t) => t.name) : [];
  const subject = { id: account.id, email: account.email, role: account.role, roleSource: account.roleSource };
  return (
    <>
      <PageHeader
        title={account.name}
        description={`${account.email} · service account`}
        actions={
          <Link href="/admin/service-accounts" className="btn-secondary">
            All service accounts
          </Link>
        }
      />
      <ServiceAccountFacts account={account} />
      <Section
        title="Tokens"
        description="What the pipeline sends as its bearer token. Each acts as this account, capped at its scope."
      >
        <ServiceAccountTokens account={account} manage={manage} />
      </Section>
      <Section
        title="Tenant access"
        description="Grants on tenants, given like a person's. Its tokens reach only these (unless its role is auditor or admin)."
      >
        <GrantsTable user={account} manage={manage} />
        {manage &&
          (tenants.length > 0 ? (
            <GrantAccessForm fixed={{ userId: account.id }} choices={tenants.map((t) => ({ value: t, label: t }))} />
          ) : (
            <p className="mt-3 text-sm text-slate-500">There is no tenant to grant yet.</p>
          ))}
      </Section>
      {manage && (
        <Section title="Account" description="Role and status. Every change is recorded in the audit log.">
          <div className="card divide-y divide-slate-100">
            <div className="p-5">
              <RoleForm user={{ ...subject, status: account.status }} />
            </div>
            <div className="p-5">
              <StatusButton account={{ ...subject, status: account.status }} />
            </div>
          </div>
        </Section>
      )}
    </>
  );
}
