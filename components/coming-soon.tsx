import { PageHeader } from "./page-header";

/** A page whose data arrives with a later capability: it says what it will show, and when. */
export function ComingSoon({ title, description, items }: { title: string; description: string; items: string[] }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="card p-6">
        <p className="text-sm font-medium text-slate-700">What this page will show</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
