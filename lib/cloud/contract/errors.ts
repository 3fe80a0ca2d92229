import type { ResourceKind } from "./resource-kinds";

/** Throttling, 5xx, eventual consistency: worth retrying with backoff. */
export class TransientCloudError extends Error {
  name = "TransientCloudError";
}

/** Retrying will not help; the message is shown to the admin as it is. */
export class PermanentCloudError extends Error {
  name = "PermanentCloudError";
}

/** A resource with our deterministic name exists but belongs to another tenant (or none). */
export class ForeignResourceError extends PermanentCloudError {
  constructor(kind: ResourceKind, name: string, owner: string | null) {
    super(
      `A ${kind.replace(/_/g, " ")} named ${name} already exists and belongs to ${owner ? `tenant ${owner}` : "no tenant"}; it was not adopted.`,
    );
  }
}

/** A log cursor this API did not hand out: the caller's mistake (400), not the cloud's. */
export class InvalidCursorError extends PermanentCloudError {
  name = "InvalidCursorError";
  constructor(message = "cursor: not a cursor from this API") {
    super(message);
  }
}
