/** Why a dashboard is empty when the tenant's cloud could not be read. */
export function CloudNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
      {notice}
    </p>
  );
}
