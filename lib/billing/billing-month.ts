import { monthBounds, monthStart } from "./forecast";

const currentMonth = () => new Date().toISOString().slice(0, 7);

/** The month a billing view or export asks for (this month when absent), or a message saying what is wrong. */
export function billingMonth(
  value: string | null | undefined,
  since?: string,
): { ok: true; month: string } | { ok: false; error: string } {
  if (!value) return { ok: true, month: currentMonth() };
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    return { ok: false, error: "month: give a month as YYYY-MM, such as 2026-11." };
  if (value > currentMonth()) return { ok: false, error: "month: that month has not started yet." };
  if (since && value < since) return { ok: false, error: "month: the tenant did not exist yet in that month." };
  return { ok: true, month: value };
}

/** The month the tenant was created in: the first with anything to bill. */
export const firstBillingMonth = (tenant: { createdAt: Date }) => tenant.createdAt.toISOString().slice(0, 7);

/** Its days as [from, to): the first of the month and the first of the next. */
export function monthRange(month: string): { from: string; to: string } {
  const { start, end } = monthBounds(monthStart(month));
  return { from: start, to: end };
}

/** The month before, as YYYY-MM. */
export const previousMonth = (month: string) => monthBounds(monthStart(month)).previousStart.slice(0, 7);
