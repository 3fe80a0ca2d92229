import { ApiException, FetchError } from "@kubernetes/client-node";
import { PermanentCloudError, TransientCloudError } from "../contract";

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

/** The HTTP status of a failed API call, or null when the call never got an answer. */
export function readHttpStatus(error: unknown): number | null {
  return error instanceof ApiException ? error.code : null;
}

/** The API server's own words (its Status object's message) rather than the client's "Unknown API Status Code!". */
function describeApiError(error: ApiException<unknown>): string {
  let message = "";
  try {
    const status = typeof error.body === "string" ? JSON.parse(error.body) : error.body;
    if (status && typeof status === "object" && "message" in status) message = String(status.message);
  } catch {
    message = typeof error.body === "string" ? error.body.slice(0, 200) : "";
  }
  // The generated client drops the body of a 401, and EKS's says only "Unauthorized" anyway.
  if (error.code === 401 && !message) message = "the cluster did not accept the portal's credentials";
  return `Kubernetes API answered ${error.code}${message ? `: ${message}` : ""}`;
}

function isConnectionError(error: unknown): boolean {
  if (error instanceof FetchError) return true;
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.cause?.code ??
    (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && connectionCodes.has(code);
}

/** 429, 5xx and unreachable servers are worth retrying; any other answer is shown to the admin. */
export function toCloudError(error: unknown): Error {
  if (error instanceof TransientCloudError || error instanceof PermanentCloudError) return error;
  if (error instanceof ApiException) {
    const message = describeApiError(error);
    return error.code === 429 || error.code >= 500
      ? new TransientCloudError(message)
      : new PermanentCloudError(message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (isConnectionError(error)) return new TransientCloudError(`Kubernetes API unreachable: ${detail}`);
  return new PermanentCloudError(`Kubernetes client error: ${detail}`);
}
