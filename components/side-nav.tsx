"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
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

/** `alertCounts`: unresolved alerts by tenant name, shown beside Alerts for the tenant being looked at. */
export function SideNav({ showAdmin, alertCounts = {} }: { showAdmin: boolean; alertCounts?: Record<string, number> }) {
  const pathname = usePathname();
  const current = parseTenantPath(pathname);
  return (
    <nav aria-label="Main" className="space-y-6">
      <div className="space-y-1">
        <NavLink href="/tenants" active={pathname === "/tenants"}>
          All tenants
        </NavLink>
      </div>
      {current && (
        <div>
          <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">Tenant · {current.tenant}</p>
          <div className="space-y-0.5">
            {tenantPages.map((page) => (
              <NavLink key={page.segment} href={tenantHref(current.tenant, page.segment)} active={current.segment === page.segment}>
                {page.label}
                {page.segment === "alerts" && (alertCounts[current.tenant] ?? 0) > 0 && (
                  <span aria-label={`${alertCounts[current.tenant]} unresolved`} className="ml-2 inline-flex min-w-5 justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
                    {alertCounts[current.tenant]}
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
