import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { PageHeader } from "@/components/page-header";
import { formatDateTime } from "@/components/format";
import { DeleteTenantButton } from "./tenant-lifecycle-client";
import { ExpiryForm, ProtectionSwitch, QuotaForm } from "./tenant-settings-client";
import { TemplateActions } from "./template-actions-client";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Settings");

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="card p-5">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 mb-4 text-sm text-slate-500">{description}</p>
      {children}
    </section>
  );
}

const notSettled = {
  provisioning: "This tenant is still being provisioned; its settings can change once that finishes.",
  deleting: "This tenant is being deleted; its settings can no longer change.",
} as const;

export default async function TenantSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/settings", (await params).tenant);
  const isAdmin = can(actor, "admin:write");
  const notice = tenant.status === "provisioning" || tenant.status === "deleting" ? notSettled[tenant.status] : null;
  const manage = isAdmin && !notice;
  const quota = tenant.quota && Object.keys(tenant.quota).length ? tenant.quota : null;
  const quotaText = quota
    ? [quota.cpu && `${quota.cpu} CPU`, quota.memory && `${quota.memory} memory`, quota.pods && `${quota.pods} pods`]
        .filter(Boolean)
        .join(" · ")
    : "No quota";
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${tenant.name}: deletion protection, expiry and quota.${isAdmin ? "" : " Only administrators can change them."}`}
      />
      {notice && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {notice}
        </p>
      )}
      <div className="space-y-4">
        <Section
          title="Deletion protection"
          description="While it is on, nobody can delete the tenant, not even an administrator."
        >
          {manage ? (
            <ProtectionSwitch tenant={tenant.name} on={tenant.deletionProtection} />
          ) : (
            <p className="text-sm font-medium">{tenant.deletionProtection ? "On" : "Off"}</p>
          )}
        </Section>
        <Section
          title="Expiry"
          description="When the expiry passes, the tenant is deleted, even with deletion protection on."
        >
          <p className="mb-3 text-sm">
            Expires:{" "}
            <span className="font-medium">{tenant.expiresAt ? formatDateTime(tenant.expiresAt) : "Never"}</span>
          </p>
          {manage && <ExpiryForm tenant={tenant.name} current={tenant.expiresAt?.toISOString() ?? null} />}
        </Section>
        <Section
          title="Quota"
          description="Limits on the tenant's Kubernetes namespace. A change on a ready tenant reaches the namespace through a provisioning run, shown on its overview."
        >
          {manage ? (
            <QuotaForm tenant={tenant.name} quota={quota} />
          ) : (
            <p className="text-sm font-medium">{quotaText}</p>
          )}
        </Section>
        {manage && (
          <Section
            title="Templates"
            description="Save this tenant's settings, resources, alert rules, budget, channels and group mappings as a template, or create a new tenant like it now. Network rules and shares are listed to approve again, never copied."
          >
            <TemplateActions tenant={tenant.name} />
          </Section>
        )}
        {manage && (
          <section aria-label="Danger zone" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
            <h2 className="text-base font-semibold text-red-700">Delete this tenant</h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              Terminates every resource in {tenant.name} and removes its namespace, keys and access. You will be asked
              to type its name.
            </p>
            <DeleteTenantButton tenant={tenant.name} deletionProtection={tenant.deletionProtection} />
          </section>
        )}
      </div>
    </>
  );
}
