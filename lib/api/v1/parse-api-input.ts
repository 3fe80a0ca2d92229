import type { ApiRoute } from "./define-route";
import { apiError, invalidInput } from "./api-error";

type Parsed = { values: { params: unknown; query: unknown; body: unknown } };

/** Path, query and body through the route's zod schemas; a path that does not parse is a 404. */
export async function parseApiInput(
  route: ApiRoute,
  request: Request,
  params: Record<string, string>,
): Promise<Parsed | Response> {
  const values: Parsed["values"] = { params: undefined, query: undefined, body: undefined };
  if (route.params) {
    const parsed = await route.params.safeParseAsync(params);
    if (!parsed.success) return apiError(404, "not_found", "Not found.");
    values.params = parsed.data;
  }
  if (route.query) {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = await route.query.safeParseAsync(query);
    if (!parsed.success) return invalidInput("query", parsed.error);
    values.query = parsed.data;
  }
  const rawBody = ["GET", "HEAD"].includes(request.method) ? "" : await request.text();
  if (route.body) {
    let json: unknown;
    try {
      json = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      return apiError(400, "invalid", "The request body is not valid JSON.", "body");
    }
    const parsed = await route.body.safeParseAsync(json);
    if (!parsed.success) return invalidInput("body", parsed.error);
    values.body = parsed.data;
  }
  return { values };
}
