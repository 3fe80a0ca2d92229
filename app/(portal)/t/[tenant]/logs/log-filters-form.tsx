import { SelectField } from "@/components/select-field";
import { logLevels, logRanges } from "@/lib/telemetry/log-options";

export type LogFilterValues = { q: string; level: string; resource: string; range: string };

const rangeLabels: Record<string, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "6h": "Last 6 hours",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
};

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function LogFiltersForm({ filters, resources }: { filters: LogFilterValues; resources: string[] }) {
  return (
    <form
      method="get"
      aria-label="Log filters"
      className="card mb-4 grid gap-3 p-4 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end"
    >
      <label className="text-sm font-medium text-slate-700">
        Text
        <input
          className="input mt-1 font-mono"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="e.g. POST /api/orders"
          maxLength={200}
        />
      </label>
      <SelectField label="Level" name="level" anyLabel="Any level" options={logLevels} defaultValue={filters.level} />
      <SelectField
        label="Resource"
        name="resource"
        anyLabel="Every resource"
        options={resources}
        defaultValue={filters.resource}
      />
      <SelectField
        label="Time range"
        name="range"
        options={Object.keys(logRanges).map((r) => ({ value: r, label: rangeLabels[r] ?? r }))}
        defaultValue={filters.range}
      />
      <button type="submit" className="btn-primary">
        Search
      </button>
    </form>
  );
}
