// Domain errors, mapped to answers in one place per door (lib/actions/define-action.ts, lib/api/route-handler.ts, lib/auth/authorize.ts).
// Their messages are written for the person using the portal; anything else is logged, never shown.
export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid" | "unauthenticated" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also what a forbidden request gets, so nothing can be learned by probing ids. */
export class NotFoundError extends DomainError {
  constructor(message = "Not found.") {
    super("not_found", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}

export class InvalidInputError extends DomainError {
  /** Where the API says the problem is (`body.name`, `query.cursor`); forms show the message alone. */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super("invalid", message);
  }
}

/** A service the portal depends on (a cloud's API) could not answer; the message names it. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super("unavailable", message);
  }
}
