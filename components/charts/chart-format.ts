const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatAxisValue = (value: number) => compact.format(value);
export const formatValue = (value: number, unit: string) => `${precise.format(value)} ${unit}`;
export const formatInstant = (ms: number) => `${full.format(ms)} UTC`;

const dayMs = 86_400_000;

const datesBeyondMs = 36 * 3_600_000;

/** A midnight reads as its date, any other instant as its clock time. */
const tickLabel = (ms: number) => (ms % dayMs === 0 ? day.format(ms) : clock.format(ms));

/**
 * Labels for an axis's ticks: each as `tickLabel` reads it, and a clock time the axis already shows
 * (a span of over a day) with its date as well, so no two read alike.
 */
export function axisTimeFormatter(ticks: number[]) {
  const shown = new Set<string>();
  const labels = new Map<number, string>();
  for (const t of ticks) {
    const label = tickLabel(t);
    labels.set(t, shown.has(label) ? `${day.format(t)} ${label}` : label);
    shown.add(label);
  }
  return (ms: number) => labels.get(ms) ?? tickLabel(ms);
}

const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720].map((m) => m * 60_000);

/**
 * Ticks on round UTC times, about six of them across the span: whole minutes or hours up to a day
 * and a half, midnights beyond, where the labels are dates and two ticks in one day would read alike.
 */
export function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  const step =
    (span <= datesBeyondMs && steps.find((s) => span / s <= 7)) || Math.max(1, Math.ceil(span / 7 / dayMs)) * dayMs;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
