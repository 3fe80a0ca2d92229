import type { Logger } from "@/lib/observability/logger";

/**
 * On SIGTERM or SIGINT, runs stop — the job queue drains (bounded), then the database closes — and
 * exits. A second signal exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("stopping", { signal });
    stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error("stop failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
