/** An action's error, announced, beside the form that caused it. */
export function FormError({ error, className = "" }: { error: string | null; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className={`rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ${className}`}>
      {error}
    </p>
  );
}
