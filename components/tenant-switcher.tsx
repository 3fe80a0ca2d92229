"use client";

import { usePathname, useRouter } from "next/navigation";
import { parseTenantPath, tenantHref } from "./nav-items";

export function TenantSwitcher({ tenants }: { tenants: string[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const current = parseTenantPath(pathname);
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only sm:not-sr-only">Tenant</span>
      <select
        aria-label="Switch tenant"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current?.tenant ?? ""}
        onChange={(e) => {
          if (e.target.value) router.push(tenantHref(e.target.value, current?.segment ?? ""));
        }}
      >
        <option value="">{tenants.length ? "Choose a tenant…" : "No tenants yet"}</option>
        {tenants.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
