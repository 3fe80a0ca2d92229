/** A state-changing request must come from a page of this portal (Origin, else Referer). */
export function isSameOrigin(request: Request): boolean {
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!source) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
