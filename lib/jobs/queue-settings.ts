import { wholeSecondsSetting } from "@/lib/env/whole-seconds-setting";

export type QueueSettings = {
  /** pg-boss's schema in the portal database. */
  schema: string;
  /** How long a worker holds an operation without renewing its lease (renewed every third of it). */
  leaseSeconds: number;
  /** How long a job may stay active before pg-boss fails it and retries it. */
  expireInSeconds: number;
  /** How often one process in the cluster expires stuck jobs (and archives old ones). */
  maintenanceIntervalSeconds: number;
  /** How often each worker revives the job of an unfinished operation nothing would run (retries spent, lost). */
  sweepSeconds: number;
  /** How many operations (of different tenants) one process runs at once. */
  concurrency: number;
};

/**
 * From the environment; give every portal and worker process the same values. A SIGKILLed
 * worker's operation is taken over at once by a process on its host that proves it dead; from
 * elsewhere its job is retried after about expiry + maintenance interval and taken over once its
 * lease has lapsed, so ENCLAVE_OPERATION_LEASE_SECONDS sets how fast that recovers.
 */
export function queueSettings(env: Record<string, string | undefined> = process.env): QueueSettings {
  const leaseSeconds = wholeSecondsSetting(env, "ENCLAVE_OPERATION_LEASE_SECONDS", 60, 3);
  const sweepSeconds = wholeSecondsSetting(env, "ENCLAVE_OPERATION_SWEEP_SECONDS", 60, 1);
  const concurrency = Number(env.ENCLAVE_OPERATION_CONCURRENCY || 10);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error("ENCLAVE_OPERATION_CONCURRENCY must be a whole number, at least 1.");
  // pg-boss 10 cannot extend a running job, so one that outlives its expiry is retried while its
  // worker still runs it. The retry finds the lease renewed by that worker's heartbeat and backs
  // off until the operation finishes: the lease, not the job, keeps an operation on one worker.
  return {
    schema: env.ENCLAVE_JOBS_SCHEMA || "pgboss",
    leaseSeconds,
    expireInSeconds: 2 * leaseSeconds,
    maintenanceIntervalSeconds: Math.min(leaseSeconds, 120),
    sweepSeconds,
    concurrency,
  };
}
