import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "./support/test";
import { actionPolicy, apiPolicy, routePolicy, type Access } from "../lib/auth/route-policy";
import { builtActions, builtRoutes } from "./support/build-manifest";
import { expectedAllowed, matrixPersonas, type MatrixPersona } from "./support/expected-access";
import { storageStateOf, type Persona } from "./support/personas";
import { createServiceAccountAsAdmin } from "./support/service-accounts";
import { saveTemplateAsAdmin } from "./support/templates";

const tenants = { A: "dev", B: "prod" } as const;
const accounts: Record<Exclude<MatrixPersona, "anonymous">, Persona> = {
  "no grant": "nina",
  "read on A": "bob",
  "write on A": "alice",
  auditor: "audrey",
  admin: "admin",
};
type Outcome = "allowed" | "denied" | "sign-in" | "error";
type Cell = {
  persona: MatrixPersona;
  target: string;
  tenant: "A" | "B";
  expected: Outcome;
  actual: Outcome;
  detail: string;
};

// Inside Playwright's output folder, which it empties at the start of every run.
const resultsDir = "test-results/e2e/authorization-matrix";

// /api/v1 routes are in apiPolicy by method; which methods each serves is the OpenAPI completeness test's.
const apiPaths = new Set(Object.keys(apiPolicy).map((operation) => operation.split(" ")[1]!));

test("every built route and server action has an entry in the policy table, and every entry is built", () => {
  const routes = builtRoutes().filter((r) => !apiPaths.has(r));
  const actions = builtActions().map((a) => a.name);
  expect(
    routes.filter((r) => !(r in routePolicy)),
    "routes missing from routePolicy",
  ).toEqual([]);
  expect(
    actions.filter((a) => !(a in actionPolicy)),
    "actions missing from actionPolicy",
  ).toEqual([]);
  expect(
    Object.keys(routePolicy).filter((r) => !routes.includes(r)),
    "routePolicy entries with no route",
  ).toEqual([]);
  expect(
    Object.keys(actionPolicy).filter((a) => !actions.includes(a)),
    "actionPolicy entries with no action",
  ).toEqual([]);
  expect(
    [...apiPaths].filter((p) => !builtRoutes().includes(p)),
    "apiPolicy entries with no route",
  ).toEqual([]);
});

test("the audit log's CSV export is built and guarded like the audit page", () => {
  expect(builtRoutes()).toContain("/api/admin/audit/export");
  expect(routePolicy["/api/admin/audit/export"]).toBe(routePolicy["/admin/audit"]);
});

test("a database's password is revealed by a built action guarded like the PEM key", () => {
  expect(builtActions().map((a) => a.name)).toContain("revealDatabasePassword");
  expect(actionPolicy.revealDatabasePassword).toBe(routePolicy["/api/t/[tenant]/pem"]);
});

function classifyResponse(status: number, location: string | undefined, body: string): Outcome {
  if (status >= 300 && status < 400) return location?.includes("/login") ? "sign-in" : "allowed";
  if (status === 401 || body.includes('"code":"unauthenticated"')) return "sign-in";
  if (status === 404 || body.includes('"code":"not_found"')) return "denied";
  // A tenant the persona can read refuses a change as read-only rather than missing.
  if (status === 403 || body.includes('"code":"read_only"')) return "denied";
  // 409: let through, but the thing asked for is not there yet (a tenant's key before provisioning).
  if (status === 200 || status === 409) return "allowed";
  return "error";
}

function expectedOutcome(persona: MatrixPersona, access: Access, tenant: "A" | "B"): Outcome {
  if (expectedAllowed(persona, access, tenant)) return "allowed";
  return persona === "anonymous" ? "sign-in" : "denied";
}

async function contextFor(persona: MatrixPersona, baseURL: string): Promise<APIRequestContext> {
  const storageState = persona === "anonymous" ? undefined : storageStateOf(accounts[persona]);
  return playwrightRequest.newContext({ baseURL, storageState, maxRedirects: 0 });
}

// A template for /admin/templates/[name], saved by the admin through its action (a new version each run).
const matrixTemplate = "matrix-template";
test.beforeAll(({ baseURL }) => saveTemplateAsAdmin(baseURL!, matrixTemplate));
// A service account for /admin/service-accounts/[id], made by the admin through its action (a new one each run).
let serviceAccountId = "";
test.beforeAll(async ({ baseURL }) => {
  serviceAccountId = await createServiceAccountAsAdmin(baseURL!, "matrix pipeline");
});

for (const persona of Object.keys(matrixPersonas) as MatrixPersona[]) {
  test(`matrix for ${persona}`, async ({ baseURL }) => {
    const api = await contextFor(persona, baseURL!);
    const admin = await contextFor("admin", baseURL!);
    const someUserId = ((await (await admin.get("/api/me")).json()) as { id: string }).id;
    const mine: Cell[] = [];
    for (const tenant of ["A", "B"] as const) {
      const fill = (route: string) =>
        route
          .replace("[tenant]", tenants[tenant])
          .replace("service-accounts/[id]", `service-accounts/${serviceAccountId}`)
          .replace("[id]", someUserId)
          .replace("[kind]/[name]", "service/web")
          .replace("templates/[name]", `templates/${matrixTemplate}`)
          .replace("[...nextauth]", "session");
      // /api/v1 answers only to tokens: e2e/api-authorization-matrix.spec.ts is its matrix.
      for (const route of builtRoutes().filter((r) => !apiPaths.has(r))) {
        const access = routePolicy[route as keyof typeof routePolicy];
        const response = await api.get(fill(route));
        const actual = classifyResponse(response.status(), response.headers()["location"], "");
        mine.push({
          persona,
          target: route,
          tenant,
          expected: expectedOutcome(persona, access, tenant),
          actual,
          detail: String(response.status()),
        });
      }
      for (const action of builtActions()) {
        const access = actionPolicy[action.name as keyof typeof actionPolicy];
        const response = await api.post(fill(action.page), {
          headers: {
            "next-action": action.id,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
            origin: baseURL!,
          },
          data: JSON.stringify([{ tenant: tenants[tenant] }]),
        });
        const body = await response.text();
        const actual = classifyResponse(response.status(), response.headers()["location"], body);
        const detail = `${response.status()} ${/"code":"\w+"/.exec(body)?.[0] ?? body.slice(0, 120)}`;
        mine.push({
          persona,
          target: `action ${action.name}`,
          tenant,
          expected: expectedOutcome(persona, access, tenant),
          actual,
          detail,
        });
      }
    }
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(`${resultsDir}/${persona.replace(/ /g, "-")}.json`, JSON.stringify(mine, null, 2));
    const wrong = mine.filter((c) => c.actual !== c.expected);
    expect(wrong, `cells that differ from the policy for ${persona}`).toEqual([]);
  });
}

test.afterAll(() => {
  const cells = readdirSync(resultsDir).flatMap(
    (f) => JSON.parse(readFileSync(`${resultsDir}/${f}`, "utf8")) as Cell[],
  );
  const leaks = cells.filter((c) => c.actual === "allowed" && c.expected !== "allowed");
  const targets = new Set(cells.map((c) => c.target)).size;
  const summary = {
    cells: cells.length,
    targets,
    personas: Object.keys(matrixPersonas).length,
    tenants: 2,
    leaks: leaks.length,
    mismatches: cells.filter((c) => c.actual !== c.expected).length,
  };
  writeFileSync("test-results/authorization-matrix-summary.json", JSON.stringify({ summary, leaks }, null, 2));
  console.log(
    `authorization matrix: ${summary.cells} cells (${targets} routes and actions x ${summary.personas} personas x 2 tenants), ${summary.leaks} leaked, ${summary.mismatches} differ from the policy`,
  );
});

test("the share actions are built, on the Network & sharing page, and guarded as the policy says", () => {
  const built = builtActions().filter((a) =>
    ["requestShare", "decideShare", "revokeShare", "createShare"].includes(a.name),
  );
  expect(built.map((a) => a.name).sort()).toEqual(["createShare", "decideShare", "requestShare", "revokeShare"]);
  expect(built.every((a) => a.page === "/t/[tenant]/network")).toBe(true);
  expect(actionPolicy.createShare).toBe("admin:write");
});
