import { describe, expect, it } from "vitest";
import { axisTimeFormatter, timeTicks } from "@/components/charts/chart-format";

const hour = 3_600_000;
const labelsOf = (from: number, to: number) => {
  const ticks = timeTicks(from, to);
  return ticks.map(axisTimeFormatter(ticks));
};

describe("metric chart time axis", () => {
  it("labels seven days with one date a day", () => {
    const to = Date.parse("2026-11-29T10:17:00Z");
    const labels = labelsOf(to - 7 * 24 * hour, to);
    expect(labels).toEqual(["23 Nov", "24 Nov", "25 Nov", "26 Nov", "27 Nov", "28 Nov", "29 Nov"]);
  });

  it("puts one tick a day past a day and a half, never two of the same date", () => {
    // The 7-day view of a tenant with under two days of points: its axis spans the points it has.
    const from = Date.parse("2026-11-27T20:00:00Z");
    const labels = labelsOf(from, from + 40 * hour);
    expect(labels).toEqual(["28 Nov", "29 Nov"]);
  });

  it("uses clock times for a day", () => {
    const to = Date.parse("2026-11-29T10:00:00Z");
    expect(labelsOf(to - 24 * hour, to)[0]).toMatch(/^\d\d:\d\d$/);
  });

  it("reads a midnight as its date, so a span of just over a day shows no clock time twice", () => {
    // The 7-day view of a tenant whose points began shortly before one midnight and run past the next.
    const from = Date.parse("2026-11-29T23:50:00Z");
    expect(labelsOf(from, from + 24.5 * hour)).toEqual(["30 Nov", "06:00", "12:00", "18:00", "1 Dec"]);
  });

  it("adds the date to a clock time the axis already shows", () => {
    const from = Date.parse("2026-11-29T23:00:00Z");
    const labels = labelsOf(from, from + 32 * hour);
    expect(labels).toEqual(["30 Nov", "06:00", "12:00", "18:00", "1 Dec", "1 Dec 06:00"]);
  });

  it("reads the day's change on a short span across midnight", () => {
    const from = Date.parse("2026-11-30T23:30:00Z");
    expect(labelsOf(from, from + hour)).toEqual(["23:30", "23:40", "23:50", "1 Dec", "00:10", "00:20", "00:30"]);
  });
});
