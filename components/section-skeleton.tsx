/** A placeholder while a streamed part of a page loads: a few grey rows, announced once. */
export function SectionSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={`Loading ${label}`} className="card animate-pulse space-y-3 p-4">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-4 rounded bg-slate-200" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}

/** One line's placeholder, for a figure inside the page's shell. */
export function LineSkeleton({ label }: { label: string }) {
  return (
    <span
      role="status"
      aria-label={`Loading ${label}`}
      className="inline-block h-4 w-20 animate-pulse rounded bg-slate-200 align-middle"
    />
  );
}
