"use client";

import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Command } from "cmdk";
import { Layers } from "lucide-react";
import { parseTenantPath } from "../nav-items";
import { usePickerResults } from "../tenant-picker/use-picker-results";
import { palettePages, type PaletteItem } from "./palette-pages";
import { usePaletteLookups } from "./use-palette-lookups";

type Props = { open: boolean; onOpenChange: (open: boolean) => void; showAdmin: boolean };

const groupClass =
  "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-500 [&_[cmdk-group-heading]]:uppercase";

function Item({ item, onSelect }: { item: PaletteItem; onSelect: (href: string) => void }) {
  const Icon = item.icon;
  return (
    <Command.Item
      value={`${item.label} ${item.href}`}
      keywords={item.keywords}
      onSelect={() => onSelect(item.href)}
      className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-700 dark:data-[selected=true]:text-slate-900"
    >
      <Icon aria-hidden="true" className="size-4 shrink-0 text-slate-400" />
      {item.label}
    </Command.Item>
  );
}

/**
 * Go anywhere this user may go: pages, tenants (from the same authorized API as the tenant
 * picker), the current tenant's resources and, for administrators, users.
 */
export function CommandPalette({ open, onOpenChange, showAdmin }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [search, setSearch] = useState("");
  const { page, loading, error } = usePickerResults(open, search);
  const tenant = parseTenantPath(pathname)?.tenant ?? null;
  const { resources, users } = usePaletteLookups(open, tenant, showAdmin, search);
  const tenants = page ? [...page.favorites, ...page.recent, ...page.results] : [];
  const tenantItems: PaletteItem[] = [...new Map(tenants.map((t) => [t.name, t])).values()].map((t) => ({
    key: t.name,
    label: t.name,
    href: `/t/${t.name}`,
    icon: Layers,
    keywords: ["tenant", t.status],
  }));

  function go(href: string) {
    onOpenChange(false);
    setSearch("");
    router.push(href);
  }

  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Search and go to"
      overlayClassName="fixed inset-0 z-40 bg-slate-950/40"
      contentClassName="fixed top-[12vh] left-1/2 z-50 w-[min(36rem,calc(100vw-1.5rem))] -translate-x-1/2 rounded-lg border border-slate-200 bg-white shadow-2xl"
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder="Go to a tenant or page…"
        className="w-full rounded-t-lg border-b border-slate-200 bg-transparent px-4 py-3 text-sm outline-none"
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2">
        {loading && tenants.length === 0 && <Command.Loading>Loading tenants…</Command.Loading>}
        <Command.Empty className="px-2 py-3 text-sm text-slate-500">{error ?? "Nothing matches."}</Command.Empty>
        <Command.Group heading="Tenants" className={groupClass}>
          {tenantItems.map((item) => (
            <Item key={item.key} item={item} onSelect={go} />
          ))}
        </Command.Group>
        <Command.Group heading="Pages" className={groupClass}>
          {palettePages(pathname, showAdmin).map((item) => (
            <Item key={item.key} item={item} onSelect={go} />
          ))}
        </Command.Group>
        {[
          { heading: `Resources of ${tenant}`, items: resources },
          { heading: "Users", items: users },
        ].map(
          (group) =>
            group.items.length > 0 && (
              <Command.Group key={group.heading} heading={group.heading} className={groupClass}>
                {group.items.map((item) => (
                  <Item key={item.key} item={item} onSelect={go} />
                ))}
              </Command.Group>
            ),
        )}
      </Command.List>
    </Command.Dialog>
  );
}
