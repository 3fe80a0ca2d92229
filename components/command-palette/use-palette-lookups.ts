"use client";

import { useEffect, useState } from "react";
import { Box, UserRound } from "lucide-react";
import type { PaletteItem } from "./palette-pages";

type Resource = { kind: string; name: string };
type User = { id: string; email: string; name: string };

async function getJson<T>(url: string, signal: AbortSignal): Promise<T | null> {
  const response = await fetch(url, { signal }).catch(() => null);
  return response?.ok ? ((await response.json()) as T) : null;
}

/**
 * The current tenant's resources (once per open) and, for administrators, the users matching the
 * search (150 ms after the last keystroke). Both APIs answer only what this user may see.
 */
export function usePaletteLookups(open: boolean, tenant: string | null, showAdmin: boolean, search: string) {
  const [resources, setResources] = useState<{ tenant: string; items: PaletteItem[] } | null>(null);
  const [users, setUsers] = useState<PaletteItem[]>([]);

  useEffect(() => {
    if (!open || !tenant) return;
    const controller = new AbortController();
    void getJson<{ resources: Resource[] }>(`/api/t/${encodeURIComponent(tenant)}/resources`, controller.signal).then(
      (body) =>
        setResources({
          tenant,
          items: (body?.resources ?? []).map((r) => ({
            key: `${r.kind}/${r.name}`,
            label: `${r.name} (${r.kind.replace("-", " ")})`,
            href: `/t/${tenant}/resources/${r.kind}/${encodeURIComponent(r.name)}`,
            icon: Box,
          })),
        }),
    );
    return () => controller.abort();
  }, [open, tenant]);

  const q = search.trim();
  useEffect(() => {
    if (!open || !showAdmin) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const body = await getJson<{ users: User[] }>(`/api/admin/users?q=${encodeURIComponent(q)}`, controller.signal);
      setUsers(
        (body?.users ?? []).map((u) => ({
          key: u.id,
          label: `${u.name} <${u.email}>`,
          href: `/admin/users/${u.id}`,
          icon: UserRound,
          keywords: ["user"],
        })),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, showAdmin, q]);

  // A tenant's resources only while it is still the one in the URL.
  return { resources: resources?.tenant === tenant ? resources.items : [], users: showAdmin ? users : [] };
}
