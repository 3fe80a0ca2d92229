import Form from "next/form";
import Link from "next/link";
import { KeptSort } from "@/components/kept-sort";
import { SelectField } from "@/components/select-field";
import type { UserSort } from "@/lib/users/list-users";

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
type Props = { q: string; role: string; status: string; sort: UserSort };

export function UserFilters({ q, role, status, sort }: Props) {
  return (
    <Form action="/admin/users" role="search" aria-label="Find users" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-64 flex-1 text-sm font-medium">
        Search
        <input name="q" type="search" defaultValue={q} placeholder="Name or email" className="input mt-1" />
      </label>
      <SelectField
        label="Role"
        name="role"
        anyLabel="Any role"
        options={["admin", "auditor", "user"]}
        defaultValue={role}
      />
      <SelectField
        label="Status"
        name="status"
        anyLabel="Any status"
        options={["active", "disabled"]}
        defaultValue={status}
      />
      <KeptSort sort={sort.sort} dir={sort.dir} />
      <button type="submit" className="btn-primary">
        Search
      </button>
      {(q || role || status) && (
        <Link href="/admin/users" className="btn-secondary">
          Clear
        </Link>
      )}
    </Form>
  );
}
