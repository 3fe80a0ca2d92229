import { z } from "zod";

export const costsQuery = z.object({
  month: z
    .string()
    .optional()
    .meta({ description: "YYYY-MM, from the month the tenant was created to this one (this month when left out)." }),
});

export const monthCosts = z
  .object({
    month: z.string().meta({ description: "YYYY-MM" }),
    currency: z.literal("USD"),
    total: z.number(),
    services: z.array(z.object({ service: z.string(), amount: z.number() })),
  })
  .meta({
    id: "MonthCosts",
    description: "What the tenant cost in a month (so far, for this month), by cloud service, most expensive first.",
  });
