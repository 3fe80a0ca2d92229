import "server-only";
import { getDatabase } from "@/db";
import { startJobQueue } from "./job-queue";
import type { JobQueue } from "./job-queue-interface";

const globalForQueue = globalThis as unknown as { __enclaveQueue?: Promise<JobQueue> };

/** The process's job queue; it also works jobs unless ENCLAVE_IN_PROCESS_WORKER=false (scaled installs). */
export function getJobQueue(): Promise<JobQueue> {
  if (!globalForQueue.__enclaveQueue) {
    globalForQueue.__enclaveQueue = getDatabase().then((database) =>
      startJobQueue(database, { work: process.env.ENCLAVE_IN_PROCESS_WORKER !== "false" }),
    );
    globalForQueue.__enclaveQueue.catch(() => {
      globalForQueue.__enclaveQueue = undefined;
    });
  }
  return globalForQueue.__enclaveQueue;
}
