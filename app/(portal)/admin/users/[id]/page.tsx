import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { getUserDetail } from "@/lib/users/get-user-detail";
import { PageHeader } from "@/components/page-header";
import { GrantAccessForm } from "@/app/(portal)/_components/grant-access";
import { GrantsTable } from "./grants-table";
import { RoleForm, SessionButtons } from "./manage-user-client";
import { ResetPasswordForm } from "./reset-password-client";
import { UserFacts } from "./user-facts";

export const metadata: Metadata = { title: "User" };

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-lg font-semibold">{title}</h2>
      {description && <p className="mt-0.5 mb-3 text-sm text-slate-500">{description}</p>}
      {children}
    </section>
  );
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await authorizePage("/admin/users/[id]");
  const db = await getDb();
  const user = await getUserDetail(db, (await params).id);
  if (!user) notFound();
  if (user.kind === "service") redirect(`/admin/service-accounts/${user.id}`);
  const manage = can(actor, "admin:write");
  const tenants = manage ? (await listVisibleTenants(db, actor)).map((t) => t.name) : [];
  const isSelf = user.id === actor.id;
  const subject = { id: user.id, email: user.email, role: user.role, roleSource: user.roleSource, status: user.status };
  return (
    <>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={
          <Link href="/admin/users" className="btn-secondary">
            All users
          </Link>
        }
      />
      <UserFacts user={user} />
      {manage && (
        <Section title="Account" description="Role, status and sessions. Every change is recorded in the audit log.">
          <div className="card divide-y divide-slate-100">
            <div className="p-5">
              <RoleForm user={subject} />
            </div>
            <div className="p-5">
              <SessionButtons user={subject} isSelf={isSelf} />
              {isSelf && <p className="mt-2 text-xs text-slate-500">You cannot disable your own account.</p>}
            </div>
            {user.hasPassword && (
              <div className="p-5">
                <ResetPasswordForm userId={user.id} />
              </div>
            )}
          </div>
        </Section>
      )}
      <Section
        title="Tenant access"
        description="Grants on tenants. Administrators and auditors see every tenant whatever their grants."
      >
        <GrantsTable user={user} manage={manage} />
        {manage &&
          (tenants.length > 0 ? (
            <GrantAccessForm fixed={{ userId: user.id }} choices={tenants.map((t) => ({ value: t, label: t }))} />
          ) : (
            <p className="mt-3 text-sm text-slate-500">There is no tenant to grant yet.</p>
          ))}
      </Section>
    </>
  );
}
