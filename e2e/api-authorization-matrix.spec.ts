import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, request, test, type APIRequestContext } from "./support/test";
import { apiPolicy, type ApiOperation } from "../lib/auth/route-policy";
import { protectFromDeletion, setDeletionProtection } from "./support/api-deletion-protection";
import { builtRoutes } from "./support/build-manifest";
import {
  apiPersonas,
  classifyApiAnswer,
  expectedApiOutcome,
  isLeak,
  type ApiOutcome,
  type ApiPersona,
} from "./support/api-expected-access";
import { apiSamples, routeOf, sampleRequest } from "./support/api-matrix-requests";
import { apiTokens, tokensCanExpire, type ApiTokens, type MadeToken } from "./support/api-tokens";

const tenants = { A: "dev", B: "prod" } as const;
type Cell = {
  persona: ApiPersona;
  operation: ApiOperation;
  tenant: "A" | "B";
  expected: ApiOutcome;
  actual: ApiOutcome;
  detail: string;
};

// Inside Playwright's output folder, which it empties at the start of every run.
const resultsDir = "test-results/e2e/api-authorization-matrix";
const operations = Object.keys(apiPolicy) as ApiOperation[];
const built = () => operations.filter((o) => builtRoutes().includes(routeOf(o)));
const personas = (Object.keys(apiPersonas) as ApiPersona[]).filter((p) => p !== "expired token" || tokensCanExpire());

let tokens: ApiTokens;
const secrets = new Map<ApiPersona, MadeToken>();
let protectedHere: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  tokens = await apiTokens(baseURL!);
  for (const name of personas) {
    const persona = apiPersonas[name];
    if (!persona.owner) continue;
    const token = await tokens.make(persona.owner, persona.scope, `api matrix: ${name}`);
    if ("ended" in persona && persona.ended === "revoked") await tokens.revoke(persona.owner, token);
    if ("ended" in persona && persona.ended === "expired") await tokens.expire!(token);
    secrets.set(name, token);
  }
  // Belt and braces: no sample DELETE reaches the service, and were one to, A and B are protected.
  if (built().includes("DELETE /api/v1/tenants/[tenant]")) {
    const admin = await client(baseURL!, secrets.get("admin"));
    protectedHere = await protectFromDeletion(admin, Object.values(tenants));
    await admin.dispose();
  }
});

test.afterAll(async ({ baseURL }) => {
  const admin = await client(baseURL!, secrets.get("admin"));
  await setDeletionProtection(admin, protectedHere, false);
  await admin.dispose();
  for (const [name, token] of secrets) {
    const persona = apiPersonas[name];
    if (persona.owner && !("ended" in persona)) await tokens.revoke(persona.owner, token);
  }
  await tokens?.close();
});

const client = (baseURL: string, token?: MadeToken): Promise<APIRequestContext> =>
  request.newContext({
    baseURL,
    maxRedirects: 0,
    extraHTTPHeaders: token ? { authorization: `Bearer ${token.secret}` } : {},
  });

test("every /api/v1 operation has a sample request, and every one is built", () => {
  expect(
    operations.filter((o) => !(o in apiSamples)),
    "operations without a sample request",
  ).toEqual([]);
  expect(
    Object.keys(apiSamples).filter((o) => !(o in apiPolicy)),
    "samples of no operation",
  ).toEqual([]);
  expect(
    operations.filter((o) => !built().includes(o)),
    "operations with no built route",
  ).toEqual([]);
});

for (const persona of personas) {
  test(`API matrix for ${persona}`, async ({ baseURL }) => {
    const api = await client(baseURL!, secrets.get(persona));
    const mine: Cell[] = [];
    for (const tenant of ["A", "B"] as const) {
      for (const operation of built()) {
        const { method, url, headers, data } = sampleRequest(operation, tenants[tenant]);
        const contentType: Record<string, string> = data === undefined ? {} : { "content-type": "application/json" };
        const response = await api.fetch(url, { method, headers: { ...headers, ...contentType }, data });
        const body = await response.text();
        const actual = classifyApiAnswer(response.status(), body);
        const expected = expectedApiOutcome(apiPersonas[persona], apiPolicy[operation], tenant);
        mine.push({
          persona,
          operation,
          tenant,
          expected,
          actual,
          detail: `${response.status()} ${body.slice(0, 160)}`,
        });
      }
    }
    await api.dispose();
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(`${resultsDir}/${persona.replace(/\W+/g, "-")}.json`, JSON.stringify(mine, null, 2));
    expect(
      mine.filter((c) => c.actual !== c.expected),
      `cells that differ from the policy for ${persona}`,
    ).toEqual([]);
  });
}

test("a token is refused on the request after it is revoked", async ({ baseURL }) => {
  const token = await tokens.make("alice", "write", "api matrix: revoked next");
  const api = await client(baseURL!, token);
  expect((await api.get("/api/v1/me")).status()).toBe(200);
  await tokens.revoke("alice", token);
  const next = await api.get("/api/v1/me");
  expect(next.status()).toBe(401);
  expect(await next.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await api.dispose();
});

test.afterAll(() => {
  // A failed test restarts the worker, which runs this before any cell was written.
  mkdirSync(resultsDir, { recursive: true });
  const cells = readdirSync(resultsDir).flatMap(
    (f) => JSON.parse(readFileSync(`${resultsDir}/${f}`, "utf8")) as Cell[],
  );
  const leaks = cells.filter((c) => isLeak(c.expected, c.actual));
  const summary = {
    cells: cells.length,
    operations: new Set(cells.map((c) => c.operation)).size,
    personas: new Set(cells.map((c) => c.persona)).size,
    tenants: 2,
    leaks: leaks.length,
    mismatches: cells.filter((c) => c.actual !== c.expected).length,
  };
  writeFileSync("test-results/api-authorization-matrix-summary.json", JSON.stringify({ summary, leaks }, null, 2));
  console.log(
    `API authorization matrix: ${summary.cells} cells (${summary.operations} operations x ${summary.personas} token personas x 2 tenants), ${summary.leaks} leaked, ${summary.mismatches} differ from the policy`,
  );
  expect(leaks, "cells that leak").toEqual([]);
});
