export function ChartSkeleton({ height = 220 }: { height?: number }) {
  return (
    <div role="status" aria-label="Loading chart" className="animate-pulse rounded bg-slate-100" style={{ height }}>
      <span className="sr-only">Loading chart…</span>
    </div>
  );
}
