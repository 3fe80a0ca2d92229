import { authorizePage } from "@/lib/auth/authorize";
import { ComingSoon } from "./coming-soon";

// Tenant pages whose data arrives with a later capability; each route still checks access.
export const upcomingTenantPages = {
  alerts: {
    title: "Alerts",
    description: "everything wrong with any resource in the tenant.",
    items: ["Open, acknowledged and resolved alerts with who and when", "Alert rules on metrics, evaluated by the job engine", "Notification channels: webhooks, Slack, email"],
  },
  billing: {
    title: "Billing",
    description: "what this tenant costs.",
    items: ["Cost by day, month and service; month to date and forecast", "A monthly budget with thresholds", "CSV export"],
  },
} as const;

export type UpcomingTenantPage = keyof typeof upcomingTenantPages;

export async function UpcomingTenantPage({ params, page }: { params: Promise<{ tenant: string }>; page: UpcomingTenantPage }) {
  const { tenant } = await authorizePage(`/t/[tenant]/${page}`, (await params).tenant);
  const content = upcomingTenantPages[page];
  return <ComingSoon title={content.title} description={`${tenant.name}: ${content.description}`} items={[...content.items]} />;
}
