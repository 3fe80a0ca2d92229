"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Braces, Layers, type LucideIcon } from "lucide-react";
import { useAlertSummary } from "./query/use-alert-summary";
import { useCurrentTenant } from "./current-tenant";
import { adminPages, parseTenantPath, tenantHref, tenantPages } from "./nav-items";

type LinkProps = {
  href: string;
  active: boolean;
  icon: LucideIcon;
  onNavigate?: () => void;
  children: React.ReactNode;
};

function NavLink({ href, active, icon: Icon, onNavigate, children }: LinkProps) {
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm ${active ? "bg-white/10 font-medium text-white" : "text-slate-300 hover:bg-white/5 hover:text-white dark:text-slate-600 dark:hover:text-white"}`}
    >
      <Icon aria-hidden="true" className="size-4 shrink-0 opacity-80" />
      {children}
    </Link>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">{children}</p>;
}

/** Beside Alerts, the unresolved alerts of the tenant being looked at, as its layout counted them, then as they change. */
export function SideNav({ showAdmin, onNavigate }: { showAdmin: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = parseTenantPath(pathname);
  const counted = useCurrentTenant().current?.unresolvedAlerts ?? 0;
  const unresolved = useAlertSummary(current?.tenant).data?.unresolved ?? counted;
  return (
    <nav aria-label="Main" className="space-y-6">
      <NavLink href="/tenants" active={pathname === "/tenants"} icon={Layers} onNavigate={onNavigate}>
        All tenants
      </NavLink>
      {current && (
        <div className="on-not-found:hidden" data-testid="tenant-nav">
          <Heading>Tenant · {current.tenant}</Heading>
          <div className="space-y-0.5">
            {tenantPages.map((page) => (
              <NavLink
                key={page.segment}
                href={tenantHref(current.tenant, page.segment)}
                active={current.segment === page.segment}
                icon={page.icon}
                onNavigate={onNavigate}
              >
                {page.label}
                {page.segment === "alerts" && unresolved > 0 && (
                  <span
                    aria-label={`${unresolved} unresolved`}
                    className="ml-auto inline-flex min-w-5 justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
                  >
                    {unresolved}
                  </span>
                )}
              </NavLink>
            ))}
          </div>
        </div>
      )}
      {showAdmin && (
        <div>
          <Heading>Administration</Heading>
          <div className="space-y-0.5">
            {adminPages.map((page) => (
              <NavLink
                key={page.href}
                href={page.href}
                active={pathname.startsWith(page.href)}
                icon={page.icon}
                onNavigate={onNavigate}
              >
                {page.label}
              </NavLink>
            ))}
          </div>
        </div>
      )}
      {/* A route handler, not a page of the app: a plain link loads it whole. */}
      <a
        href="/api-reference"
        className="flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm text-slate-300 hover:bg-white/5 hover:text-white dark:text-slate-600 dark:hover:text-white"
      >
        <Braces aria-hidden="true" className="size-4 shrink-0 opacity-80" />
        API reference
      </a>
    </nav>
  );
}
