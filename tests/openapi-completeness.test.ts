import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/v1/openapi-document";
import { apiRoutes } from "@/lib/api/v1/routes";
import { apiPolicy } from "@/lib/auth/route-policy";

const appDir = path.resolve(import.meta.dirname, "..", "app");

/** "METHOD /api/v1/path" for every method a route file under app/api/v1 exports. */
function servedOperations(): string[] {
  const files = readdirSync(path.join(appDir, "api", "v1"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join("api", "v1", file));
  return files.flatMap((file) => {
    const route = `/${path.dirname(file).split(path.sep).join("/")}`;
    const source = readFileSync(path.join(appDir, file), "utf8");
    return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${route}`);
  });
}

function documentedOperations(): string[] {
  const document = buildOpenApiDocument(apiRoutes) as unknown as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, "[$1]")}`),
  );
}

/** What each side has that another lacks, by side: empty when the four agree. */
function differences(sides: Record<string, string[]>) {
  const all = new Set(Object.values(sides).flat());
  return Object.fromEntries(
    Object.entries(sides).map(([side, operations]) => [side, [...all].filter((o) => !operations.includes(o)).sort()]),
  );
}

describe("the API's four lists of operations", () => {
  it("agree: the route files' exported methods, apiPolicy, the OpenAPI document and the route registry", () => {
    const missing = differences({
      routeFiles: servedOperations(),
      apiPolicy: Object.keys(apiPolicy),
      document: documentedOperations(),
      apiRoutes: apiRoutes.map((r) => r.operation),
    });
    expect(missing).toEqual({ routeFiles: [], apiPolicy: [], document: [], apiRoutes: [] });
  });

  it("name each operation once in the registry", () => {
    const operations = apiRoutes.map((r) => r.operation);
    expect(operations.length).toBe(new Set(operations).size);
  });

  it("notice an operation that one side lacks", () => {
    const found = differences({ a: ["GET /x", "POST /x"], b: ["GET /x"] });
    expect(found).toEqual({ a: [], b: ["POST /x"] });
    expect(servedOperations()).toContain("GET /api/v1/me");
  });
});
