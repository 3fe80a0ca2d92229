import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Alerts" };

export default function TenantAlertsPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="alerts" />;
}
