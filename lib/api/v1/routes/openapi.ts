import { z } from "zod";
import type { ApiRoute } from "../define-route";
import { defineApiRoute } from "../define-route";
import { buildOpenApiDocument } from "../openapi-document";

let built: Record<string, unknown> | undefined;

/** The document describes every route, itself included, so the registry is handed in rather than imported. */
export function openApiRoute(routes: () => readonly ApiRoute[]) {
  return defineApiRoute({
    operation: "GET /api/v1/openapi.json",
    tag: "Meta",
    summary: "This API's OpenAPI document",
    description: "OpenAPI 3.1; no token needed.",
    response: z
      .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) })
      .meta({ id: "OpenApiDocument" }),
    async handle() {
      built ??= buildOpenApiDocument(routes()) as unknown as Record<string, unknown>;
      return built as { openapi: string; info: { title: string; version: string } };
    },
  });
}
