import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { allTokensQuery, listAllTokens } from "@/lib/tokens/list-all-tokens";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { TokenTable } from "@/app/(portal)/_components/tokens/token-table";
import { revokeAnyToken } from "./actions";
import { TokenFilters } from "./token-filters";

export const metadata = { title: "Access tokens" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminTokensPage({ searchParams }: Props) {
  const { actor } = await authorizePage("/admin/tokens");
  const filters = allTokensQuery.parse(await searchParams);
  const list = await listAllTokens(await getDb(), filters);
  const filtered = Boolean(filters.q || filters.state);
  const href = (page: number) => {
    const query = new URLSearchParams();
    if (filters.q) query.set("q", filters.q);
    if (filters.state) query.set("state", filters.state);
    if (page > 1) query.set("page", String(page));
    return `/admin/tokens${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Access tokens"
        description="Every token of every person and service account, newest first. Revoking one stops it at its next request."
      />
      <TokenFilters key={`${filters.q}|${filters.state ?? ""}`} q={filters.q} state={filters.state ?? ""} />
      {list.total === 0 ? (
        filtered ? (
          <EmptyState title="No token matches these filters">
            Search by part of the token&apos;s or owner&apos;s name or email, or{" "}
            <Link className="text-brand-600 underline" href="/admin/tokens">
              clear the filters
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState title="Nobody has an access token yet">
            People create their own on their account page; service accounts get theirs on{" "}
            <Link className="text-brand-600 underline" href="/admin/service-accounts">
              Service accounts
            </Link>
            .
          </EmptyState>
        )
      ) : (
        <TokenTable
          tokens={list.rows}
          revokeAction={can(actor, "admin:write") ? revokeAnyToken : undefined}
          now={new Date().toISOString()}
        />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        pageSize={list.pageSize}
        total={list.total}
        shown={list.rows.length}
        href={href}
      />
    </>
  );
}
