import { UpcomingTenantPage } from "@/components/upcoming-tenant-page";

export const metadata = { title: "Settings" };

export default function TenantSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  return <UpcomingTenantPage params={params} page="settings" />;
}
