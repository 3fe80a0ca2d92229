import { Layers, UserRound, type LucideIcon } from "lucide-react";
import { adminPages, parseTenantPath, tenantHref, tenantPages } from "../nav-items";

export type PaletteItem = { key: string; label: string; href: string; icon: LucideIcon; keywords?: string[] };

/** The pages this user may open from where they are: their own, the current tenant's, the admin area's. */
export function palettePages(pathname: string, showAdmin: boolean): PaletteItem[] {
  const current = parseTenantPath(pathname);
  return [
    { key: "tenants", label: "All tenants", href: "/tenants", icon: Layers },
    { key: "account", label: "Your account", href: "/account", icon: UserRound, keywords: ["password", "profile"] },
    ...(current
      ? tenantPages.map((page) => ({
          key: `tenant-${page.segment}`,
          label: `${current.tenant} › ${page.label}`,
          href: tenantHref(current.tenant, page.segment),
          icon: page.icon,
        }))
      : []),
    ...(showAdmin
      ? adminPages.map((page) => ({
          key: page.href,
          label: `Administration › ${page.label}`,
          href: page.href,
          icon: page.icon,
        }))
      : []),
  ];
}
