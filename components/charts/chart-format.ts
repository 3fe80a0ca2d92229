const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatAxisValue = (value: number) => compact.format(value);
export const formatValue = (value: number, unit: string) => `${precise.format(value)} ${unit}`;
export const formatInstant = (ms: number) => `${full.format(ms)} UTC`;

/** Clock times for a day or less, dates beyond. */
export function axisTimeFormatter(spanMs: number) {
  return (ms: number) => (spanMs > 36 * 3_600_000 ? day.format(ms) : clock.format(ms));
}

const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * 60_000);

/** Ticks on round UTC times (whole minutes, hours or midnights), about six of them across the span. */
export function timeTicks(from: number, to: number): number[] {
  const step = steps.find((s) => (to - from) / s <= 7) ?? Math.ceil((to - from) / 7 / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
