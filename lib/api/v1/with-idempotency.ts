import type { Db } from "@/db/client";
import { apiError } from "./api-error";
import { claimIdempotencyKey, requestFingerprint, settleIdempotencyKey } from "./idempotency";

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a change at most once per (token, Idempotency-Key): a replay with the same body answers the
 * first result again (marked `idempotent-replayed`), another body 422, a concurrent twin 409.
 */
export async function withIdempotency(
  db: Db,
  request: Request,
  tokenId: string | undefined,
  /** The query and body as validated (so key order and spacing do not make two requests differ). */
  input: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null || !tokenId || request.method === "GET") return run();
  if (!keyPattern.test(key))
    return apiError(400, "invalid", "An Idempotency-Key is 1 to 255 visible ASCII characters.", "Idempotency-Key");
  const fingerprint = requestFingerprint(request.method, new URL(request.url).pathname, input);
  const claim = await claimIdempotencyKey(db, tokenId, key, fingerprint);
  if (claim.kind === "mismatch")
    return apiError(
      422,
      "idempotency_mismatch",
      "This Idempotency-Key was used with another request.",
      "Idempotency-Key",
    );
  if (claim.kind === "in_progress")
    return apiError(
      409,
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still running.",
      "Idempotency-Key",
    );
  if (claim.kind === "replay")
    return Response.json(claim.body, {
      status: claim.status,
      headers: { "cache-control": "no-store", "idempotent-replayed": "true" },
    });
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await settleIdempotencyKey(db, tokenId, key, 500, null);
    throw error;
  }
  await settleIdempotencyKey(db, tokenId, key, response.status, await response.clone().json());
  return response;
}
