export interface JobQueue {
  /** Sends the operation's one job; sending it again adds nothing. */
  enqueue(operationId: string): Promise<void>;
  /** Makes the operation's job runnable again when nothing would run it (see reviveOperationJob). */
  revive(operationId: string, holderDead: boolean): Promise<void>;
  /** Stops taking work and waits (bounded) for running operations and periodic tasks; close the database after. */
  stop(): Promise<void>;
}
