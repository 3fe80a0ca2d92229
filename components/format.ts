const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${dateTime.format(value)} UTC` : "—";
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** USD with cents: $1,234.50. */
export const formatUsd = (amount: number) => usd.format(amount);

/** How long before `now` an instant was, in the largest whole unit: "just now", "40 s ago", "2 min ago", "3 h ago", "5 d ago". */
export function formatAgo(at: string | Date, now: string | Date): string {
  const seconds = Math.max(0, Math.round((new Date(now).getTime() - new Date(at).getTime()) / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
