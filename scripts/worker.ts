// npm run worker — a separate job worker for scaled installs (several portals and workers, one PostgreSQL)
import { defaultTarget } from "../db/client";
import { startWorker } from "../lib/jobs/start-worker";
import { stopOnSignals } from "../lib/jobs/stop-on-signals";
import { createLogger } from "../lib/observability/logger";

const logger = createLogger("worker");
// pg-boss completes and fails jobs without awaiting it: during an outage the rejection is logged, not fatal.
process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));
const target = defaultTarget();
if (!("url" in target)) {
  logger.error(
    "separate worker processes need PostgreSQL: set DATABASE_URL, or let `npm start` run the worker in-process",
  );
  process.exit(1);
}
const { database, queue } = await startWorker(target, logger);
stopOnSignals(async () => {
  await queue.stop();
  await database.close();
}, logger);
