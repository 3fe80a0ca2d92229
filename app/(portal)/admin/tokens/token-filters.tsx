import Form from "next/form";
import Link from "next/link";
import { SelectField } from "@/components/select-field";
import { tokenStates } from "@/lib/tokens/list-tokens";

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function TokenFilters({ q, state }: { q: string; state: string }) {
  return (
    <Form action="/admin/tokens" role="search" aria-label="Find tokens" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-64 flex-1 text-sm font-medium">
        Search
        <input
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Token name, owner name or email"
          className="input mt-1"
        />
      </label>
      <SelectField label="State" name="state" anyLabel="Any state" options={tokenStates} defaultValue={state} />
      <button type="submit" className="btn-primary">
        Search
      </button>
      {(q || state) && (
        <Link href="/admin/tokens" className="btn-secondary">
          Clear
        </Link>
      )}
    </Form>
  );
}
