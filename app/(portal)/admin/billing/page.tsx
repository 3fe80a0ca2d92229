import { authorizePage } from "@/lib/auth/authorize";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Spend" };

export default async function AdminBillingPage() {
  await authorizePage("/admin/billing");
  return <ComingSoon title="Spend" description="What every tenant costs this month." items={["Every tenant ranked by month-to-date spend", "Forecast to month end against budget"]} />;
}
