"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CostBarRow = { label: string } & Record<string, number | string>;
type Props = { title: string; series: { key: string; color: string }[]; rows: CostBarRow[]; height?: number };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const compactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** Costs as stacked bars (by service per day, or one bar per month); loaded only where billing is shown. */
export default function CostBarChart({ title, series, rows, height = 260 }: Props) {
  return (
    <div style={{ height }} aria-label={`${title} chart`} role="img">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis
            tickFormatter={(v: number) => compactUsd.format(v)}
            tick={{ fontSize: 11, fill: "#64748b" }}
            width={64}
          />
          <Tooltip
            formatter={(value, name) => [usd.format(Number(value)), name]}
            contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }}
          />
          {/* Legend text in the series colour is under 4.5:1 on white; the swatch carries the colour. */}
          {series.length > 1 && (
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>}
            />
          )}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} stackId="cost" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
