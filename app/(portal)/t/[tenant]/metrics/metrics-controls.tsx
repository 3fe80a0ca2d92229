"use client";

import { useState } from "react";
import { selectionWindow, type MetricsSelection } from "./metrics-selection";

const ranges = [
  ["1h", "1 hour"],
  ["6h", "6 hours"],
  ["24h", "24 hours"],
  ["7d", "7 days"],
  ["custom", "Custom"],
] as const;
// No resources to choose from: the dashboard is one resource's own.
type Props = {
  selection: MetricsSelection;
  onChange: (next: MetricsSelection) => void;
  resources: string[];
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
};

const toInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const fromInput = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : "");

export function MetricsControls({ selection, onChange, resources, autoRefresh, onAutoRefresh }: Props) {
  // From and To start at the window on screen, so the form never shows a range the charts do not.
  const windowInputs = () => {
    const { from, to } = selectionWindow(selection);
    return { from: toInput(from), to: toInput(to) };
  };
  const [custom, setCustom] = useState(windowInputs);
  const [picking, setPicking] = useState(selection.range === "custom");
  return (
    <div className="card mb-4 flex flex-wrap items-end gap-4 p-4 text-sm">
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Time range</legend>
        <div className="inline-flex overflow-hidden rounded-md border border-slate-300" role="group">
          {ranges.map(([value, label]) => {
            const active = value === "custom" ? picking : !picking && selection.range === value;
            return (
              <button
                key={value}
                type="button"
                aria-pressed={active}
                onClick={() =>
                  value === "custom"
                    ? (setCustom(windowInputs()), setPicking(true))
                    : (setPicking(false), onChange({ ...selection, range: value }))
                }
                className={`border-l border-slate-300 px-3 py-1.5 first:border-l-0 ${active ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {label}
              </button>
            );
          })}
        </div>
      </fieldset>
      {picking && (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Custom range"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ ...selection, range: "custom", from: fromInput(custom.from), to: fromInput(custom.to) });
          }}
        >
          <label className="block">
            <span className="mb-1 block text-slate-700">From (UTC)</span>
            <input
              type="datetime-local"
              className="input"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
              required
            />
          </label>
          <label className="block">
            <span className="mb-1 block text-slate-700">To (UTC)</span>
            <input
              type="datetime-local"
              className="input"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
              required
            />
          </label>
          <button type="submit" className="btn-secondary">
            Apply
          </button>
        </form>
      )}
      {resources.length > 0 && (
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Resource</span>
          <select
            className="input"
            value={selection.resource}
            onChange={(e) => onChange({ ...selection, resource: e.target.value })}
          >
            <option value="">Whole tenant</option>
            {resources.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="ml-auto inline-flex items-center gap-2 text-slate-700">
        <input
          type="checkbox"
          checked={autoRefresh}
          onChange={(e) => onAutoRefresh(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
        Auto-refresh every 30 s
      </label>
    </div>
  );
}
