import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Billing" };

export default function TenantBillingPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="billing" />;
}
