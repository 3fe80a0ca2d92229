import {
  Bell,
  BellRing,
  Bot,
  Boxes,
  ChartLine,
  Copy,
  History,
  KeyRound,
  KeySquare,
  LayoutDashboard,
  Network,
  Receipt,
  ScrollText,
  Server,
  Settings,
  Users,
  UsersRound,
  Wallet,
  type LucideIcon,
} from "lucide-react";

type TenantPage = { segment: string; label: string; icon: LucideIcon };
type AdminPage = { href: string; label: string; icon: LucideIcon };

// Shared by the side navigation, the tenant switcher (which keeps the current sub-page), the
// breadcrumbs and the command palette.
export const tenantPages = [
  { segment: "", label: "Overview", icon: LayoutDashboard },
  { segment: "resources", label: "Resources", icon: Boxes },
  { segment: "logs", label: "Logs", icon: ScrollText },
  { segment: "metrics", label: "Metrics", icon: ChartLine },
  { segment: "alerts", label: "Alerts", icon: Bell },
  { segment: "billing", label: "Billing", icon: Receipt },
  { segment: "access", label: "Access", icon: KeyRound },
  { segment: "network", label: "Network & sharing", icon: Network },
  { segment: "settings", label: "Settings", icon: Settings },
] as const satisfies readonly TenantPage[];

export const adminPages = [
  { href: "/admin/users", label: "Users", icon: Users },
  { href: "/admin/service-accounts", label: "Service accounts", icon: Bot },
  { href: "/admin/tokens", label: "Access tokens", icon: KeySquare },
  { href: "/admin/groups", label: "SSO groups", icon: UsersRound },
  { href: "/admin/infrastructure", label: "Infrastructure", icon: Server },
  { href: "/admin/templates", label: "Templates", icon: Copy },
  { href: "/admin/audit", label: "Audit log", icon: History },
  { href: "/admin/billing", label: "Spend", icon: Wallet },
  { href: "/admin/alerts", label: "Alerts", icon: BellRing },
] as const satisfies readonly AdminPage[];

export function tenantHref(tenant: string, segment: string): string {
  return segment ? `/t/${tenant}/${segment}` : `/t/${tenant}`;
}

/** The tenant and sub-page in a pathname such as /t/dev/logs. */
export function parseTenantPath(pathname: string): { tenant: string; segment: string } | null {
  const match = /^\/t\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  return match ? { tenant: decodeURIComponent(match[1]!), segment: match[2] ?? "" } : null;
}
