import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { apiPolicy } from "@/lib/auth/route-policy";
import type { ApiRoute } from "./define-route";
import { apiErrorSchema } from "./schemas/error";

const errorDescriptions = {
  400: "Bad input: `field` says which.",
  401: "No token, or one that is unknown, revoked or expired.",
  403: "The tenant is no secret to this token, but the change is beyond it (a read-scoped token, read-only access).",
  404: "Not found, or not visible to this token: the two answer alike.",
  409: "Conflicts with the current state (a name taken, work under way, deletion protection on).",
  422: "This Idempotency-Key came with another request.",
  429: "Too many requests with this token: wait `Retry-After` seconds.",
  502: "A cloud service the change needs did not answer.",
} as const;

const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "Retry safely: the same key with the same body answers the first result again." }),
});

/** `/api/v1/tenants/[tenant]` → `/api/v1/tenants/{tenant}`, and the segments in it. */
const openApiPath = (path: string) => path.replace(/\[(\w+)\]/g, "{$1}");
const pathParams = (path: string) => [...path.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);

/** "Change a tenant's settings" → "changeTenantSettings": stable, and read by code generators. */
export function operationIdOf(route: ApiRoute): string {
  const words = route.summary
    .replace(/'s\b/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !["a", "an", "the"].includes(w.toLowerCase()));
  return words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w.toLowerCase())).join("");
}

function pathSchema(route: ApiRoute, path: string) {
  const own = route.params instanceof z.ZodObject ? (route.params.shape as Record<string, z.ZodType>) : {};
  const shape = Object.fromEntries(
    pathParams(path).map((name) => [
      name,
      own[name] ?? z.string().meta({ description: name === "tenant" ? "The tenant's name." : `The ${name}.` }),
    ]),
  );
  return z.object(shape);
}

function responsesOf(route: ApiRoute, isPublic: boolean): ZodOpenApiResponsesObject {
  const status = route.status ?? 200;
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [status]: { description: route.summary, content: { "application/json": { schema: route.response } } },
  };
  const errors = [400, ...(isPublic ? [] : [401]), 404, ...(isPublic ? [] : [429]), ...(route.errors ?? [])];
  for (const code of [...new Set(errors)].sort()) {
    responses[`${code}`] = {
      description: errorDescriptions[code as keyof typeof errorDescriptions],
      content: { "application/json": { schema: apiErrorSchema } },
      ...(code === 429 && {
        headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait before trying again." }) }),
      }),
    };
  }
  return responses;
}

function operationOf(route: ApiRoute, method: string, path: string): ZodOpenApiOperationObject {
  const isPublic = apiPolicy[route.operation] === "public";
  const write = method !== "GET";
  return {
    operationId: operationIdOf(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    requestParams: {
      ...(pathParams(path).length && { path: pathSchema(route, path) }),
      ...(route.query && { query: route.query as z.ZodObject }),
      ...(write && { header: idempotencyHeader }),
    },
    ...(route.body && { requestBody: { required: true, content: { "application/json": { schema: route.body } } } }),
    responses: responsesOf(route, isPublic),
    ...(isPublic && { security: [] }),
  };
}

/** The OpenAPI 3.1 description of every /api/v1 operation, made from the zod schemas the door checks with. */
export function buildOpenApiDocument(routes: readonly ApiRoute[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const [method, path] = route.operation.split(" ") as [string, string];
    const item = (paths[openApiPath(path)] ??= {});
    Object.assign(item, { [method.toLowerCase()]: operationOf(route, method, path) });
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Enclave API",
      version: "1",
      description:
        "Tenants, their operations, access, resources and telemetry, for pipelines. " +
        "Send a token made on your account page: `Authorization: Bearer enc_…`.",
    },
    // No `servers`: left out, it means one server at "/" (the 3.1 schema's `uri` format refuses a relative one).
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    security: [{ bearerToken: [] }],
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "enc_…",
          description:
            "A personal or service-account access token; it acts with its owner's access, capped at its scope.",
        },
      },
    },
    paths,
  });
}
