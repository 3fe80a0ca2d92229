// GET /api-reference — the interactive reference of /api/v1, for signed-in users
import { routeHandler } from "@/lib/api/route-handler";
import { referencePage } from "@/lib/api/v1/reference-page";

const guarded = routeHandler("/api-reference", async (request) => referencePage(request.headers.get("x-nonce")));

/** A page, not an API: a session that no longer holds goes to sign-in rather than reading JSON. */
export async function GET(request: Request, context: { params?: Promise<Record<string, string>> }) {
  const response = await guarded(request, context);
  if (response.status !== 401) return response;
  return Response.redirect(new URL("/login?callbackUrl=%2Fapi-reference", request.url), 303);
}
