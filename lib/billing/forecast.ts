// Calendar arithmetic on "YYYY-MM-DD" days (UTC, like Cost Explorer) and the month-end forecast.

export type MonthBounds = {
  /** "YYYY-MM" */
  month: string;
  /** First day of the month. */
  start: string;
  /** First day of the next month (exclusive). */
  end: string;
  daysInMonth: number;
  /** Days from the 1st to today, today included. */
  daysElapsed: number;
  /** First day of the previous month. */
  previousStart: string;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
export const recentDays = 7;

function parseDay(day: string): Date {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!dayPattern.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  }
  return parsed;
}

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

/** An amount in USD rounded to cents, as invoices (and cost_daily) keep it. */
export const cents = (amount: number) => Math.round(amount * 100) / 100;

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** The month that contains today, with the bounds queries need. */
export function monthBounds(today: string): MonthBounds {
  const date = parseDay(today);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 1));
  return {
    month: today.slice(0, 7),
    start: formatDay(start),
    end: formatDay(end),
    daysInMonth: Math.round((end.getTime() - start.getTime()) / 86_400_000),
    daysElapsed: date.getUTCDate(),
    previousStart: formatDay(new Date(Date.UTC(year, month - 1, 1))),
  };
}

/** The first day of a "YYYY-MM" month, refusing anything else. */
export function monthStart(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return formatDay(parseDay(`${month}-01`));
}

/**
 * The forecast from sums, for queries that aggregate rather than list days. Without a complete
 * day to average there is nothing to extrapolate, so the forecast is what has been spent.
 */
export function forecastFromAverage(
  monthToDate: number,
  todaySoFar: number,
  recentAverage: number | undefined,
  daysAfterToday: number,
): number {
  if (recentAverage === undefined) return monthToDate;
  // Today is still running: it is forecast at the average unless it has already spent more.
  return monthToDate + Math.max(0, recentAverage - todaySoFar) + recentAverage * Math.max(0, daysAfterToday);
}

/**
 * Month-to-date plus the average of the last (up to) 7 complete days for each day remaining.
 * dailyAmounts holds one amount per day of this month so far, oldest first; the last one is
 * today's, which is partial, so today counts as remaining rather than as a complete day.
 */
export function forecastMonthEnd(monthToDate: number, dailyAmounts: number[], daysInMonth: number): number {
  const recent = dailyAmounts.slice(0, -1).slice(-recentDays);
  const average = recent.length ? recent.reduce((sum, amount) => sum + amount, 0) / recent.length : undefined;
  return forecastFromAverage(monthToDate, dailyAmounts.at(-1) ?? 0, average, daysInMonth - dailyAmounts.length);
}
