/** A resource's facts as label and value pairs, in a card. */
export function FactList({ facts }: { facts: [string, React.ReactNode][] }) {
  return (
    <dl className="card mb-6 grid gap-x-6 gap-y-3 p-5 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
          <dd className="mt-0.5 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
