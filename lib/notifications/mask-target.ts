/**
 * A channel's target as it may be shown back: a URL keeps only its scheme and host, because
 * webhook URLs carry their secret in the path or the query (Slack's /services/T…/B…/token).
 */
export function maskTarget(kind: string, target: string): string {
  if (kind === "email") return target;
  try {
    const url = new URL(target);
    const hasMore = url.pathname.length > 1 || url.search !== "" || url.hash !== "";
    return `${url.protocol}//${url.host}${hasMore ? "/…" : ""}`;
  } catch {
    return "(an invalid URL)";
  }
}
