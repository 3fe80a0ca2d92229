// npm run worker — a separate job worker for scaled installs (several portals and workers, one PostgreSQL)
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { startJobQueue } from "../lib/jobs/job-queue";
import { resumeUnfinishedOperations } from "../lib/jobs/resume-operations";
import { stopOnSignals } from "../lib/jobs/stop-on-signals";
import { createLogger } from "../lib/observability/logger";

const target = defaultTarget();
if (!("url" in target)) {
  console.error("Enclave workers: separate worker processes need PostgreSQL. Set DATABASE_URL, or let `npm start` run the worker in-process.");
  process.exit(1);
}
const database = await openDatabase(target).catch((error: Error) => {
  console.error(`Enclave worker cannot start: ${error.message}`);
  process.exit(1);
});
await migrateDatabase(database);
const queue = await startJobQueue(database, { work: true });
await resumeUnfinishedOperations(database.db, queue.revive);
stopOnSignals(async () => {
  await queue.stop();
  await database.close();
}, createLogger("worker"));
