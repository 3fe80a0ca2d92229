// Shared by the side navigation and the tenant switcher (which keeps the current sub-page).
export const tenantPages = [
  { segment: "", label: "Overview" },
  { segment: "resources", label: "Resources" },
  { segment: "logs", label: "Logs" },
  { segment: "metrics", label: "Metrics" },
  { segment: "alerts", label: "Alerts" },
  { segment: "billing", label: "Billing" },
  { segment: "access", label: "Access" },
  { segment: "network", label: "Network" },
  { segment: "settings", label: "Settings" },
] as const;

export const adminPages = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "SSO groups" },
  { href: "/admin/infrastructure", label: "Infrastructure" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/billing", label: "Spend" },
  { href: "/admin/alerts", label: "Alerts" },
] as const;

export function tenantHref(tenant: string, segment: string): string {
  return segment ? `/t/${tenant}/${segment}` : `/t/${tenant}`;
}

/** The tenant and sub-page in a pathname such as /t/dev/logs. */
export function parseTenantPath(pathname: string): { tenant: string; segment: string } | null {
  const match = /^\/t\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  return match ? { tenant: decodeURIComponent(match[1]!), segment: match[2] ?? "" } : null;
}
