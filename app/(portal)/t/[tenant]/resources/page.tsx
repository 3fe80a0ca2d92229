import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Resources" };

export default function TenantResourcesPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="resources" />;
}
