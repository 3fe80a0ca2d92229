import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Network" };

export default function TenantNetworkPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="network" />;
}
