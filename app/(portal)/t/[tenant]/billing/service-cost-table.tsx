import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatUsd } from "@/components/format";

type Row = { service: string; amount: number; previous: number };

export function ServiceCostTable({ rows, total, monthLabel }: { rows: Row[]; total: number; monthLabel: string }) {
  return (
    <section aria-labelledby="services-heading" className="mt-8">
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id="services-heading" className="text-lg font-semibold">
          By service
        </h2>
        <p className="text-sm">
          Total for {monthLabel}:{" "}
          <span data-testid="month-total" className="font-semibold tabular-nums">
            {formatUsd(total)}
          </span>
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No costs this month">
          Costs appear a few minutes after something starts running in the tenant.
        </EmptyState>
      ) : (
        <DataTable<Row>
          caption="Cost by service"
          rows={rows}
          rowKey={(r) => r.service}
          columns={[
            { header: "Service", cell: (r) => r.service },
            { header: monthLabel, cell: (r) => formatUsd(r.amount), className: "tabular-nums" },
            { header: "Previous month", cell: (r) => formatUsd(r.previous), className: "tabular-nums text-slate-500" },
            {
              header: "Share",
              cell: (r) => (total > 0 ? `${Math.round((r.amount / total) * 100)}%` : "—"),
              className: "tabular-nums text-slate-500",
            },
          ]}
        />
      )}
    </section>
  );
}
