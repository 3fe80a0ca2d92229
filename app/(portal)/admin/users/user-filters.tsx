import Form from "next/form";
import Link from "next/link";
import { SelectField } from "@/components/select-field";

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function UserFilters({ q, role, status }: { q: string; role: string; status: string }) {
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
