import { KeptSort } from "@/components/kept-sort";
import { SelectField } from "@/components/select-field";

const states = [
  { value: "unresolved", label: "Unresolved" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

/** A plain GET form: filters live in the URL, so a filtered list can be shared and reloaded. */
type Props = { state: string; severity: string; sort: string; dir: string };

export function AlertFilters({ state, severity, sort, dir }: Props) {
  return (
    <form method="get" aria-label="Filter alerts" className="card mb-4 flex flex-wrap items-end gap-4 p-4">
      <SelectField label="State" name="state" options={states} defaultValue={state} />
      <SelectField
        label="Severity"
        name="severity"
        options={["critical", "warning", "info"]}
        anyLabel="Any"
        defaultValue={severity}
      />
      <KeptSort sort={sort} dir={dir} />
      <button type="submit" className="btn-secondary">
        Filter
      </button>
    </form>
  );
}
