import type { Db } from "@/db/client";
import { createApiToken } from "@/lib/tokens/create-token";

type Handler = (request: Request, next: { params?: Promise<Record<string, string>> }) => Promise<Response>;

/** A new token's secret for the user: write scope unless asked otherwise. */
export async function tokenFor(db: Db, userId: string, scope: "read" | "write" = "write"): Promise<string> {
  const { secret } = await createApiToken(
    db,
    userId,
    { name: `test-${scope}`, scope, days: 30 },
    { createdBy: userId, ip: null },
  );
  return secret;
}

/** Calls an exported route handler as Next would: the path's parameters resolved, the body as JSON text. */
export async function callApi(
  handler: Handler,
  request: {
    path: string;
    method?: string;
    secret?: string;
    params?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = { ...request.headers };
  if (request.secret) headers.authorization = `Bearer ${request.secret}`;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://localhost${request.path}`, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    }),
    { params: Promise.resolve(request.params ?? {}) },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
