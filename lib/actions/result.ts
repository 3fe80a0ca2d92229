// Plain types only: client components import this to read what an action answered.
export type ActionFailureCode =
  "unauthenticated" | "not_found" | "read_only" | "invalid" | "conflict" | "unavailable" | "error";

export type ActionResult<R = void> = { ok: true; data: R } | { ok: false; code: ActionFailureCode; error: string };
