import { getDatabase } from "@/db";
import { demoAccounts } from "@/lib/demo/demo-accounts";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getJobQueue } from "@/lib/jobs/queue";
import { resumeUnfinishedOperations } from "@/lib/jobs/resume-operations";
import { stopOnSignals } from "@/lib/jobs/stop-on-signals";
import { log } from "@/lib/observability/logger";

/**
 * Opens and migrates the database before the first request, and refuses to start when it
 * cannot: an unreachable database is reported in one line, with any password hidden. On SIGTERM
 * (with NEXT_MANUAL_SIG_HANDLE=true, as npm start and the image set it) the in-process worker
 * drains before the database closes.
 */
export async function prepareServer(): Promise<void> {
  let database;
  try {
    database = await getDatabase();
  } catch (error) {
    log.error(`Enclave cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Seeded before the worker starts: its first ticks, a second later, must find the demo tenants
  // (the cost sync would otherwise leave their bills empty until its next run, five minutes on).
  if (process.env.ENCLAVE_SEED_DEMO !== "false") await seedDemo(database.db);
  const queue = await getJobQueue();
  await resumeUnfinishedOperations(database.db, queue.revive);
  stopOnSignals(async () => {
    await queue.stop();
    await database.close();
  }, log);
  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  log.info(`Enclave is ready at ${url} (database: ${database.kind} ${database.location})`);
  if (process.env.ENCLAVE_SEED_DEMO === "false") return;
  const admin = demoAccounts[0];
  log.info(
    `Demo sign-in: ${admin.email} / ${admin.password}  (users: ${demoAccounts
      .slice(1)
      .map((a) => `${a.email} / ${a.password}`)
      .join(", ")})`,
  );
}
