"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useAlertSummary } from "./query/use-alert-summary";
import { useCurrentTenant } from "./current-tenant";
import { adminPages, parseTenantPath, tenantHref, tenantPages } from "./nav-items";

function NavLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-white/10 font-medium text-white" : "text-slate-300 hover:bg-white/5 hover:text-white"}`}
    >
      {children}
    </Link>
  );
}

/** Beside Alerts, the unresolved alerts of the tenant being looked at: as its layout counted them, then as they change. */
export function SideNav({ showAdmin }: { showAdmin: boolean }) {
  const pathname = usePathname();
  const current = parseTenantPath(pathname);
  const counted = useCurrentTenant().current?.unresolvedAlerts ?? 0;
  const unresolved = useAlertSummary(current?.tenant).data?.unresolved ?? counted;
  return (
    <nav aria-label="Main" className="space-y-6">
      <div className="space-y-1">
        <NavLink href="/tenants" active={pathname === "/tenants"}>
          All tenants
        </NavLink>
      </div>
      {current && (
        <div>
          <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">
            Tenant · {current.tenant}
          </p>
          <div className="space-y-0.5">
            {tenantPages.map((page) => (
              <NavLink
                key={page.segment}
                href={tenantHref(current.tenant, page.segment)}
                active={current.segment === page.segment}
              >
                {page.label}
                {page.segment === "alerts" && unresolved > 0 && (
                  <span
                    aria-label={`${unresolved} unresolved`}
                    className="ml-2 inline-flex min-w-5 justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
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
          <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">Administration</p>
          <div className="space-y-0.5">
            {adminPages.map((page) => (
              <NavLink key={page.href} href={page.href} active={pathname.startsWith(page.href)}>
                {page.label}
              </NavLink>
            ))}
          </div>
        </div>
      )}
    </nav>
  );
}
