/** An answer other than 2xx, with the message the route gave for it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON route of this portal; throws an HttpError carrying the route's own error message. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { cache: "no-store", signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new HttpError(response.status, body?.error ?? "The page could not load its latest data.");
  }
  return (await response.json()) as T;
}

/** A missing (or foreign, which answers the same) subject: the tenant was deleted or access was removed. */
export const isGone = (error: unknown) => error instanceof HttpError && (error.status === 404 || error.status === 401);

// A client error will not heal by asking again; a dropped request or a 5xx may.
export const shouldRetry = (failures: number, error: unknown) =>
  !(error instanceof HttpError && error.status < 500) && failures < 2;

/** The one polling policy: every `ms` while the subject exists, never again once it is gone. */
export const pollWhileFound =
  (ms: number) =>
  (query: { state: { error: unknown } }): number | false =>
    isGone(query.state.error) ? false : ms;
