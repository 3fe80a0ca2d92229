import { z } from "zod";
import { listSort } from "@/lib/tables/list-sort";

/** The admin spend list's filter, sort and page, from the URL: a value it cannot use falls back to the default. */
export const spendListQuery = z
  .object({
    q: z.string().trim().max(64).catch(""),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  })
  .extend(listSort(["monthToDate", "name", "budget", "used"], { sort: "monthToDate", dir: "desc" }).shape);
export type SpendListQuery = z.infer<typeof spendListQuery>;
