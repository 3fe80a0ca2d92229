import { z } from "zod";

/** Every instant the API answers: ISO-8601 in UTC, as Date.prototype.toISOString writes it. */
export const instant = z.iso.datetime().meta({ example: "2026-01-31T09:30:00.000Z" });

export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
