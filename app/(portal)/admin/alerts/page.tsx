import { authorizePage } from "@/lib/auth/authorize";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Alerts" };

export default async function AdminAlertsPage() {
  await authorizePage("/admin/alerts");
  return <ComingSoon title="Alerts" description="Open alerts across all tenants." items={["Every tenant's open alerts in one list", "Acknowledge and jump to the tenant"]} />;
}
