import { PermanentCloudError, TransientCloudError } from "../contract";

const throttlingCodes = [
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
];
const networkCodes = ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "TimeoutError"];

/** Answers of a delete call that mean the resource is already gone. */
export const notFoundCodes = [
  "InvalidGroup.NotFound",
  "InvalidSecurityGroupRuleId.NotFound",
  "InvalidPermission.NotFound",
  "NoSuchEntity",
  "NotFoundException",
  "InvalidKeyPair.NotFound",
  "InvalidInstanceID.NotFound",
  "NoSuchBucket",
];
/** A create's follow-up call can land on a server that has not heard of the new resource yet. */
export const eventualConsistencyCodes = [
  "InvalidGroup.NotFound",
  "InvalidInstanceID.NotFound",
  "NoSuchEntity",
  "NoSuchBucket",
];
/** Something still uses the resource (an instance shutting down, a role still in a profile, an object written during emptying). */
export const dependencyCodes = ["DependencyViolation", "DeleteConflict", "BucketNotEmpty"];

interface AwsErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function shapeOf(error: unknown): AwsErrorShape {
  return typeof error === "object" && error !== null ? (error as AwsErrorShape) : {};
}

/** The AWS error code as on the wire (EC2's "InvalidGroup.Duplicate", IAM's "NoSuchEntity", …) or "". */
function readErrorCode(error: unknown): string {
  const shape = shapeOf(error);
  return shape.Code ?? (typeof shape.code === "string" ? shape.code : undefined) ?? shape.name ?? "";
}

/** IAM's SDK errors say `Code: "NoSuchEntity"` but `name: "NoSuchEntityException"` (RDS's `…Fault`): either matches. */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  const { name } = shapeOf(error);
  const names = [readErrorCode(error), name, name?.replace(/(Exception|Fault)$/, "")];
  return codes.some((code) => names.includes(code));
}

function describeError(error: unknown): string {
  const code = readErrorCode(error);
  const message = shapeOf(error).message ?? String(error);
  return code && code !== "Error" && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** Sorts an SDK failure into "retry later" and "tell the admin"; `transientCodes` add to the first. */
export function toCloudError(error: unknown, transientCodes: readonly string[] = []): Error {
  if (error instanceof TransientCloudError || error instanceof PermanentCloudError) return error;
  const shape = shapeOf(error);
  const status = shape.$metadata?.httpStatusCode ?? 0;
  const transient =
    hasErrorCode(error, ...throttlingCodes, ...networkCodes, ...transientCodes) ||
    status >= 500 ||
    Boolean(shape.$retryable);
  const message = `AWS ${describeError(error)}`;
  return transient ? new TransientCloudError(message) : new PermanentCloudError(message);
}

/** Awaits a call, treating the given error codes as "nothing to do". */
export async function ignoreErrorCodes<T>(call: Promise<T>, ...codes: string[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (hasErrorCode(error, ...codes)) return undefined;
    throw error;
  }
}
