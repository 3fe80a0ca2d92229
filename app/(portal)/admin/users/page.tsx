import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listUsers, userSort } from "@/lib/users/list-users";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { NewUserPanel } from "./new-user-client";
import { UserFilters } from "./user-filters";
import { serverSort } from "@/components/sort-header";
import { UsersTable } from "./users-table";

export const metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const { actor } = await authorizePage("/admin/users");
  const params = await searchParams;
  const sort = userSort(params);
  const list = await listUsers(await getDb(), {
    search: params.q,
    role: params.role,
    status: params.status,
    page: params.page,
    ...sort,
  });
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");
  const filters = { q: text(params.q), role: text(params.role), status: text(params.status) };
  const href = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    if (sort.sort !== "email" || sort.dir !== "asc") {
      query.set("sort", sort.sort);
      query.set("dir", sort.dir);
    }
    if (page > 1) query.set("page", String(page));
    return `/admin/users${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in, their role and how many tenants they reach. Pipelines' service accounts have their own page."
        actions={can(actor, "admin:write") ? <NewUserPanel /> : undefined}
      />
      <UserFilters
        key={Object.values(filters).join("|")}
        q={filters.q}
        role={filters.role}
        status={filters.status}
        sort={sort}
      />
      {list.total === 0 ? (
        <EmptyState title={filters.q ? `No user matches “${filters.q}”` : "No user matches these filters"}>
          Check the spelling, search by part of the name or email, or{" "}
          <Link className="text-brand-600 underline" href="/admin/users">
            clear the filters
          </Link>
          .
        </EmptyState>
      ) : (
        <UsersTable rows={list.rows} sort={serverSort("/admin/users", { ...filters, ...sort })} />
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
