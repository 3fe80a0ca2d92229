"use client";

import dynamic from "next/dynamic";
import { browserOnly } from "@/components/browser-only";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import type { CostBarRow } from "@/components/charts/cost-bar-chart";

// recharts is large: loaded only on the billing pages, in the browser.
const CostBarChart = browserOnly(
  dynamic(() => import("@/components/charts/cost-bar-chart"), { ssr: false, loading: () => <ChartSkeleton /> }),
  ChartSkeleton,
);
const palette = ["#2f6fed", "#059669", "#d97706", "#7c3aed", "#dc2626", "#0891b2", "#64748b", "#db2777"];

type Props = { daily: CostBarRow[]; services: string[]; monthly: CostBarRow[]; monthLabel: string };

export function BillingCharts({ daily, services, monthly, monthLabel }: Props) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section className="card p-4 lg:col-span-2" aria-label="Cost by day">
        <h2 className="mb-2 text-sm font-medium text-slate-800">
          Cost by day and service, {monthLabel} <span className="font-normal text-slate-500">(USD)</span>
        </h2>
        {daily.length ? (
          <CostBarChart
            title="Cost by day"
            series={services.map((key, i) => ({ key, color: palette[i % palette.length]! }))}
            rows={daily}
          />
        ) : (
          <p className="py-24 text-center text-sm text-slate-500">No costs recorded for {monthLabel}.</p>
        )}
      </section>
      <section className="card p-4" aria-label="Cost by month">
        <h2 className="mb-2 text-sm font-medium text-slate-800">
          Cost by month <span className="font-normal text-slate-500">(USD)</span>
        </h2>
        {monthly.some((m) => Number(m.total) > 0) ? (
          <CostBarChart title="Cost by month" series={[{ key: "total", color: "#2f6fed" }]} rows={monthly} />
        ) : (
          <p className="py-24 text-center text-sm text-slate-500">No costs recorded yet.</p>
        )}
      </section>
    </div>
  );
}
