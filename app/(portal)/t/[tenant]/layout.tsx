import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { isFavoriteTenant } from "@/lib/tenants/tenant-picker";
import { CurrentTenantReport } from "./current-tenant-report";
import { tenantAlertCount } from "./tenant-alert-count";

// Checked here, before the loading boundary below starts streaming, so that a tenant the
// user may not see answers with a real 404 status. Each page checks again at the data.
// It also reads the shell's facts about this one tenant (two indexed lookups) and hands them up.
export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { actor, tenant } = await authorizePage("/t/[tenant]", (await params).tenant);
  const db = await getDb();
  const [unresolvedAlerts, favorite] = await Promise.all([
    tenantAlertCount(tenant.id),
    isFavoriteTenant(db, actor, tenant.id),
  ]);
  return (
    <>
      <CurrentTenantReport name={tenant.name} unresolvedAlerts={unresolvedAlerts} favorite={favorite} />
      {children}
    </>
  );
}
