import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { CurrentTenantProvider } from "@/components/current-tenant";
import { QueryProvider } from "@/components/query/query-provider";
import { FavoriteTenantButton } from "./_components/favorite-tenant-button";
import { SideNav } from "@/components/side-nav";
import { TenantPicker } from "@/components/tenant-picker/tenant-picker";
import { SignOutButton } from "@/components/sign-out-button";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { SkipLink } from "@/components/shell/skip-link";
import { CommandPaletteTrigger } from "@/components/command-palette/command-palette-trigger";
import { ThemeToggle } from "@/components/theme/theme-toggle";

// The shell only, and cheap: no tenant list (the picker fetches pages of it when opened) and no
// alert counts (the tenant's own layout reports its one). Every page below checks access again at
// the data, since layouts do not re-run on client navigation.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { actor } = await authorizePage("/");
  const showAdmin = can(actor, "admin:read");
  return (
    <QueryProvider>
      <CurrentTenantProvider>
        <SkipLink target="content" />
        <div className="flex min-h-screen">
          <aside className="hidden w-60 shrink-0 bg-ink-900 px-3 py-5 md:block">
            <Link href="/tenants" className="mb-6 block px-3 text-lg font-semibold tracking-tight text-white">
              Enclave
            </Link>
            <SideNav showAdmin={showAdmin} />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 py-3 md:gap-4 md:px-6">
              <div className="flex min-w-0 items-center gap-1">
                <MobileMenu showAdmin={showAdmin} name={actor.name} email={actor.email} />
                <TenantPicker />
                <FavoriteTenantButton />
              </div>
              <div className="flex items-center gap-1 md:gap-3">
                <CommandPaletteTrigger showAdmin={showAdmin} />
                <ThemeToggle />
                <div className="hidden text-right text-sm leading-tight lg:block" data-testid="signed-in-user">
                  <p className="font-medium">{actor.name}</p>
                  <p className="text-xs text-slate-500">
                    {actor.email} · {actor.role}
                  </p>
                </div>
                <Link href="/account" className="btn-secondary hidden md:inline-flex">
                  Account
                </Link>
                <span className="hidden md:inline-flex">
                  <SignOutButton />
                </span>
              </div>
            </header>
            <main
              id="content"
              tabIndex={-1}
              className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none md:px-6 md:py-8"
            >
              <Breadcrumbs />
              {children}
            </main>
          </div>
        </div>
      </CurrentTenantProvider>
    </QueryProvider>
  );
}
