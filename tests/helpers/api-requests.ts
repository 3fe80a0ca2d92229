import type { Db } from "@/db/client";
import type { GrantLevel } from "@/db/schema";
import { createApiToken } from "@/lib/tokens/create-token";
import { createUser, grantAccess } from "./factory";

type Handler = (request: Request, next: { params?: Promise<Record<string, string>> }) => Promise<Response>;
export type ApiAnswer = {
  status: number;
  body: Record<string, unknown> & { error?: Record<string, unknown> };
  headers: Headers;
};

/** A bearer token of a new user: `grants` maps tenant ids to levels, `role` makes an admin or auditor. */
export async function apiToken(
  db: Db,
  options: { grants?: Record<string, GrantLevel>; role?: "admin" | "auditor" | "user"; scope?: "read" | "write" } = {},
): Promise<string> {
  const user = await createUser(db, { role: options.role ?? "user" });
  for (const [tenantId, level] of Object.entries(options.grants ?? {})) await grantAccess(db, user.id, tenantId, level);
  const input = { name: "ci", scope: options.scope ?? "write", days: 30 };
  const { secret } = await createApiToken(db, user.id, input, { createdBy: user.id, ip: null });
  return secret;
}

/**
 * Calls an exported route handler the way Next.js does: a Request, and the path's parameters
 * (the segments in brackets) as a promise. `path` is the URL's path and query after /api/v1.
 */
export async function callApi(
  handler: Handler,
  token: string | null,
  path: string,
  params: Record<string, string>,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as ApiAnswer["body"], headers: response.headers };
}
