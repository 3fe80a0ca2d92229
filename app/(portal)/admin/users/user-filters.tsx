import Form from "next/form";
import Link from "next/link";

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function UserFilters({ q, role, status }: { q: string; role: string; status: string }) {
  return (
    <Form action="/admin/users" role="search" aria-label="Find users" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-64 flex-1 text-sm font-medium">
        Search
        <input name="q" type="search" defaultValue={q} placeholder="Name or email" className="input mt-1" />
      </label>
      <label className="text-sm font-medium">
        Role
        <select name="role" defaultValue={role} className="input mt-1">
          <option value="">Any role</option>
          <option value="admin">admin</option>
          <option value="auditor">auditor</option>
          <option value="user">user</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={status} className="input mt-1">
          <option value="">Any status</option>
          <option value="active">active</option>
          <option value="disabled">disabled</option>
        </select>
      </label>
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
