"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axisTimeFormatter, formatAxisValue, formatInstant, formatValue, timeTicks } from "./chart-format";

export type ChartLine = { key: string; label: string; color: string };
export type ChartRow = { t: number } & Record<string, number>;
type Props = {
  title: string;
  unit: string;
  kind: "area" | "line";
  lines: ChartLine[];
  rows: ChartRow[];
  height?: number;
};

/** A time series chart with UTC times and the unit on the value axis; loaded only where charts are shown. */
export default function MetricChart({ title, unit, kind, lines, rows, height = 220 }: Props) {
  const [first, last] = [rows[0]?.t ?? 0, rows[rows.length - 1]?.t ?? 0];
  const ticks = timeTicks(first, last);
  const Chart = kind === "area" ? AreaChart : LineChart;
  return (
    <div style={{ height }} aria-label={`${title} chart`} role="img">
      <ResponsiveContainer width="100%" height="100%">
        <Chart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, last]}
            ticks={ticks}
            tickFormatter={axisTimeFormatter(ticks)}
            tick={{ fontSize: 11, fill: "#64748b" }}
          />
          <YAxis
            tickFormatter={formatAxisValue}
            tick={{ fontSize: 11, fill: "#64748b" }}
            width={64}
            label={{
              value: unit,
              angle: -90,
              position: "insideLeft",
              offset: 8,
              style: { fontSize: 11, fill: "#475569", textAnchor: "middle" },
            }}
          />
          <Tooltip
            labelFormatter={(t) => formatInstant(Number(t))}
            formatter={(value, name) => [formatValue(Number(value), unit), name]}
            contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }}
          />
          {lines.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {lines.map((line) =>
            kind === "area" ? (
              <Area
                key={line.key}
                dataKey={line.key}
                name={line.label}
                type="monotone"
                stroke={line.color}
                fill={line.color}
                fillOpacity={0.15}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.label}
                type="monotone"
                stroke={line.color}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />
            ),
          )}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
