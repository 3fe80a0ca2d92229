import { z } from "zod";
import { logLevels } from "@/lib/telemetry/log-options";
import { logSearchQuery } from "@/lib/telemetry/log-filters";
import { pageOf } from "../schemas/page";

export const logsQuery = logSearchQuery.meta({
  description:
    "Text (q), level, resource and a window: from and to, or a range ending now (1h when neither is given). limit is 1 to 500 (100 when left out).",
});

export const logLine = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    level: z.string().meta({ description: `${logLevels.join(", ")}, or what the cloud says.` }),
    resource: z.string(),
    message: z.string(),
  })
  .meta({ id: "LogLine", description: "One log line of a resource of the tenant." });

export const logPage = pageOf(logLine).meta({
  id: "LogPage",
  description: "Newest first; nextCursor goes further back.",
});
