import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Logs" };

export default function TenantLogsPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="logs" />;
}
