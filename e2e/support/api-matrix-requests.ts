import type { ApiOperation } from "../../lib/auth/route-policy";

type Sample = { params?: Record<string, string>; query?: string; body?: unknown };

// Ids that parse but name nothing: a path that does not parse is a 404 like the door's own.
const missingId = "00000000-0000-4000-8000-000000000000";
const nobody = "nobody@matrix.invalid";

/**
 * One request per /api/v1 operation that changes nothing when let through: a write gets an invalid
 * body, or (where it has none) an Idempotency-Key the door refuses after authorizing and before the
 * service. So "allowed" shows as a 400 that names its field, never as a change to tenant A or B.
 */
export const apiSamples = {
  "GET /api/v1/openapi.json": {},
  "GET /api/v1/me": {},
  "GET /api/v1/tenants": {},
  "POST /api/v1/tenants": { body: { name: "" } },
  "GET /api/v1/infrastructures": {},
  "GET /api/v1/tenants/[tenant]": {},
  "PATCH /api/v1/tenants/[tenant]": { body: { deletionProtection: "maybe" } },
  "DELETE /api/v1/tenants/[tenant]": {},
  "GET /api/v1/tenants/[tenant]/operations/[operation]": { params: { operation: missingId } },
  "GET /api/v1/tenants/[tenant]/grants": {},
  "PUT /api/v1/tenants/[tenant]/grants/[user]": { params: { user: nobody }, body: { level: "owner" } },
  "DELETE /api/v1/tenants/[tenant]/grants/[user]": { params: { user: nobody } },
  "GET /api/v1/tenants/[tenant]/resources": {},
  "POST /api/v1/tenants/[tenant]/resources": { body: { kind: "spaceship" } },
  "DELETE /api/v1/tenants/[tenant]/resources/[kind]/[name]": { params: { kind: "service", name: "matrix-missing" } },
  "GET /api/v1/tenants/[tenant]/logs": {},
  "GET /api/v1/tenants/[tenant]/metrics": {},
  "GET /api/v1/tenants/[tenant]/alerts": {},
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/acknowledge": { params: { alert: missingId } },
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/resolve": { params: { alert: missingId } },
  "GET /api/v1/tenants/[tenant]/costs": {},
  "GET /api/v1/tenants/[tenant]/budget": {},
  "PUT /api/v1/tenants/[tenant]/budget": { body: { monthlyAmount: -1 } },
  "DELETE /api/v1/tenants/[tenant]/budget": {},
  "GET /api/v1/audit": { query: "limit=1" },
} as const satisfies Record<ApiOperation, Sample>;

export const refusedIdempotencyKey = "not a valid key";

export function sampleRequest(operation: ApiOperation, tenant: string) {
  const [method, template] = operation.split(" ") as [string, string];
  const sample: Sample = apiSamples[operation];
  let path = template.replace("[tenant]", tenant);
  for (const [name, value] of Object.entries(sample.params ?? {}))
    path = path.replace(`[${name}]`, encodeURIComponent(value));
  const headers: Record<string, string> = method === "GET" ? {} : { "idempotency-key": refusedIdempotencyKey };
  return {
    method,
    url: sample.query ? `${path}?${sample.query}` : path,
    headers,
    data: sample.body === undefined ? undefined : JSON.stringify(sample.body),
  };
}

/** The route behind an operation, by its path in app/ (as the build manifest lists it). */
export const routeOf = (operation: ApiOperation) => operation.split(" ")[1]!;
