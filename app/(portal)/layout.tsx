import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { CurrentTenantProvider } from "@/components/current-tenant";
import { QueryProvider } from "@/components/query/query-provider";
import { FavoriteTenantButton } from "./_components/favorite-tenant-button";
import { SideNav } from "@/components/side-nav";
import { TenantPicker } from "@/components/tenant-picker/tenant-picker";
import { SignOutButton } from "@/components/sign-out-button";

// The shell only, and cheap: no tenant list (the picker fetches pages of it when opened) and no
// alert counts (the tenant's own layout reports its one). Every page below checks access again at
// the data, since layouts do not re-run on client navigation.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { actor } = await authorizePage("/");
  return (
    <QueryProvider>
      <CurrentTenantProvider>
        <div className="flex min-h-screen">
          <aside className="hidden w-60 shrink-0 bg-ink-900 px-3 py-5 md:block">
            <Link href="/tenants" className="mb-6 block px-3 text-lg font-semibold tracking-tight text-white">
              Enclave
            </Link>
            <SideNav showAdmin={can(actor, "admin:read")} />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
              <div className="flex items-center gap-1">
                <TenantPicker />
                <FavoriteTenantButton />
              </div>
              <div className="flex items-center gap-3">
                <div className="text-right text-sm leading-tight" data-testid="signed-in-user">
                  <p className="font-medium">{actor.name}</p>
                  <p className="text-xs text-slate-500">
                    {actor.email} · {actor.role}
                  </p>
                </div>
                <Link href="/account" className="btn-secondary">
                  Account
                </Link>
                <SignOutButton />
              </div>
            </header>
            <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{children}</main>
          </div>
        </div>
      </CurrentTenantProvider>
    </QueryProvider>
  );
}
