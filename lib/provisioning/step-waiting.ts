/**
 * A step whose cloud work goes on without us (a database being created or deleted): the run stops
 * there with the step recorded as waiting, hands the operation back until a re-check, and the
 * re-check runs the step again. Not a failure, and not a cloud error.
 */
export class StepWaiting extends Error {
  name = "StepWaiting";
  constructor(
    readonly stepKey: string,
    /** What the step waits for, as the progress shows it: "waiting for available (creating)". */
    readonly note: string,
  ) {
    super(`Step ${stepKey} is ${note}.`);
  }
}

/** How long a waiting operation rests before its re-check: ENCLAVE_DATABASE_RECHECK_SECONDS, 15 s by default. */
export function recheckSeconds(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.ENCLAVE_DATABASE_RECHECK_SECONDS || 15);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new Error("ENCLAVE_DATABASE_RECHECK_SECONDS must be a whole number of seconds, at least 1.");
  return seconds;
}
