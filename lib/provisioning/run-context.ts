import type { Db } from "@/db/client";
import { PermanentCloudError, TransientCloudError, type CloudDriver } from "@/lib/cloud/contract";
import type { RetryPolicy } from "./retry";

export type EngineHooks = {
  /** Called before a step starts: where a stopping worker hands the operation back between steps. */
  beforeStep?: (stepKey: string) => void | Promise<void>;
  /** Called after a step's cloud call and before its result is recorded: where tests crash. */
  afterCloudCall?: (stepKey: string) => void | Promise<void>;
};

export type RunContext = {
  db: Db;
  operationId: string;
  /** The lease holder: the step log takes a write only while this worker holds the operation. */
  workerId: string;
  driver: CloudDriver;
  retry?: RetryPolicy;
  hooks?: EngineHooks;
  seal: (plain: string) => string;
  /** Opens what seal made; needed by steps that hand a stored secret to the cloud (a database's password). */
  unseal?: (sealed: string) => string;
  isCloudError: (error: unknown) => boolean;
};

export const isCloudError = (error: unknown) =>
  error instanceof TransientCloudError || error instanceof PermanentCloudError;
