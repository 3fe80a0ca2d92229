import type { PickerTenant, TenantPickerPage } from "@/lib/tenants/tenant-picker";

export type PickerOption = { id: string; tenant: PickerTenant } | { id: string; more: true };
export type PickerGroup = { key: "favorites" | "recent" | "results"; label: string; options: PickerOption[] };

/**
 * The picker's groups, in order, each option with a DOM id unique in the list (a tenant may be in
 * two groups). A search shows its matches only; until its answer comes, the page on screen is
 * narrowed to the names holding the text, so a stale list never offers what was not asked for.
 */
export function pickerGroups(page: TenantPickerPage | null, query: string, idPrefix: string): PickerGroup[] {
  if (!page) return [];
  const text = query.trim().toLowerCase();
  if (text) {
    const matches = page.results
      .filter((t) => t.name.toLowerCase().includes(text))
      .map((tenant) => ({ id: `${idPrefix}-results-${tenant.name}`, tenant }));
    const more = page.nextCursor && matches.length ? [{ id: `${idPrefix}-more`, more: true as const }] : [];
    return matches.length ? [{ key: "results", label: "Matching tenants", options: [...matches, ...more] }] : [];
  }
  const tenants = (key: PickerGroup["key"], list: PickerTenant[]) =>
    list.map((tenant) => ({ id: `${idPrefix}-${key}-${tenant.name}`, tenant }));
  const more = page.nextCursor ? [{ id: `${idPrefix}-more`, more: true as const }] : [];
  const groups: PickerGroup[] = [
    { key: "favorites", label: "Favourites", options: tenants("favorites", page.favorites) },
    { key: "recent", label: "Recent", options: tenants("recent", page.recent) },
    { key: "results", label: "All tenants", options: [...tenants("results", page.results), ...more] },
  ];
  return groups.filter((g) => g.options.length > 0);
}
