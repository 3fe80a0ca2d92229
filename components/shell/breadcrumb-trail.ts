import { adminPages, parseTenantPath, tenantHref, tenantPages } from "../nav-items";

export type Crumb = { label: string; href: string };

/** Where a pathname sits: Tenants › stage › Resources › web-1, or Administration › Users › …. */
export function breadcrumbTrail(pathname: string): Crumb[] {
  const tenant = parseTenantPath(pathname);
  if (tenant) {
    const trail = [
      { label: "Tenants", href: "/tenants" },
      { label: tenant.tenant, href: tenantHref(tenant.tenant, "") },
    ];
    const page = tenantPages.find((p) => p.segment && p.segment === tenant.segment);
    if (page) trail.push({ label: page.label, href: tenantHref(tenant.tenant, page.segment) });
    const rest = pathname.split("/").slice(4).map(decodeURIComponent);
    if (page?.segment === "resources" && rest.length === 2)
      trail.push({ label: rest[1]!, href: `${tenantHref(tenant.tenant, "resources")}/${rest.join("/")}` });
    return trail;
  }
  if (pathname === "/tenants/new")
    return [
      { label: "Tenants", href: "/tenants" },
      { label: "New tenant", href: pathname },
    ];
  const admin = adminPages.find((p) => pathname === p.href || pathname.startsWith(`${p.href}/`));
  if (admin) {
    const trail = [
      { label: "Administration", href: "/admin" },
      { label: admin.label, href: admin.href },
    ];
    if (pathname !== admin.href) trail.push({ label: "Details", href: pathname });
    return trail;
  }
  return [];
}
