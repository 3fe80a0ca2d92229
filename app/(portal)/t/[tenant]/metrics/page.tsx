import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Metrics" };

export default function TenantMetricsPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="metrics" />;
}
