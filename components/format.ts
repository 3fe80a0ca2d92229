const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${dateTime.format(value)} UTC` : "—";
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** USD with cents: $1,234.50. */
export const formatUsd = (amount: number) => usd.format(amount);
