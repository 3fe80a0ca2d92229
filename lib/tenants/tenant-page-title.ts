import "server-only";
import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";

type Params = { params: Promise<{ tenant: string }> };

/**
 * A tenant page's generateMetadata: "Logs · stage", once the user may see the tenant. It asks the
 * same check as the layout (cached per request), so a foreign tenant and a missing one both end
 * in the not-found page, with its title, before any name reaches the head.
 */
export function tenantTitle(page?: string) {
  return async function generateMetadata({ params }: Params): Promise<Metadata> {
    const { tenant } = await authorizePage("/t/[tenant]", (await params).tenant);
    return { title: page ? `${page} · ${tenant.name}` : tenant.name };
  };
}
