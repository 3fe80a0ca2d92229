import { formatAgo, formatDateTime } from "./format";

/** "3 min ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ at, now = new Date() }: { at: Date | string | null | undefined; now?: Date | string }) {
  if (!at) return <>—</>;
  const date = new Date(at);
  const exact = formatDateTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact} className="whitespace-nowrap">
      {formatAgo(date, now)}
    </time>
  );
}
