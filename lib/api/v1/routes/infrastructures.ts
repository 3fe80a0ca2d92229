import { z } from "zod";
import { listInfrastructures } from "@/lib/infrastructure/queries";
import { defineApiRoute } from "../define-route";
import { instant } from "../schemas/time";

const apiInfrastructure = z
  .object({
    id: z.uuid().meta({ description: "What `infrastructureId` takes when a tenant is created." }),
    name: z.string(),
    driver: z.string().meta({ description: "local, aws or kubernetes." }),
    region: z.string().nullable(),
    tenantCount: z.number().int().meta({ description: "Live (not deleted) tenants it holds." }),
    createdAt: instant,
  })
  .meta({ id: "Infrastructure", description: "A cloud account or cluster tenants are created in." });

// A handful of rows (one per cloud account or cluster): one list, no pages.
export const listInfrastructuresRoute = defineApiRoute({
  operation: "GET /api/v1/infrastructures",
  tag: "Tenants",
  summary: "List infrastructures",
  description: "Where tenants can be created: pass an infrastructure's `id` as `infrastructureId` to create one.",
  response: z.object({ items: z.array(apiInfrastructure) }),
  async handle({ db }) {
    const rows = await listInfrastructures(db);
    return {
      items: rows.map(({ id, name, driver, region, tenantCount, createdAt }) => ({
        id,
        name,
        driver,
        region,
        tenantCount,
        createdAt: createdAt.toISOString(),
      })),
    };
  },
});
