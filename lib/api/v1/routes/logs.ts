import { InvalidCursorError } from "@/lib/cloud/contract";
import { InvalidInputError } from "@/lib/errors";
import { logWindow } from "@/lib/telemetry/log-filters";
import { searchTenantLogs } from "@/lib/telemetry/tenant-telemetry";
import { defineApiRoute } from "../define-route";
import { logPage, logsQuery } from "../schemas/logs";

export const searchLogs = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/logs",
  tag: "Telemetry",
  summary: "Search the tenant's logs",
  description:
    "Newest first, a page at a time, from the tenant's cloud (CloudWatch Logs, its pods' logs, or the local cloud).",
  query: logsQuery,
  response: logPage,
  errors: [502],
  async handle({ db, tenant }, { query }) {
    const search = { ...logWindow(query), text: query.q, level: query.level, resource: query.resource };
    try {
      const page = await searchTenantLogs(db, tenant, { ...search, cursor: query.cursor, limit: query.limit ?? 100 });
      return { items: page.lines, nextCursor: page.nextCursor };
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw new InvalidInputError(
          "This cursor is not one the API handed out: start again without it.",
          "query.cursor",
        );
      throw error;
    }
  },
});
