import { randomUUID } from "node:crypto";
import { expect, request, test, type APIRequestContext } from "./support/test";
import { apiTokens, type ApiTokens, type MadeToken } from "./support/api-tokens";
import { personas, storageStateOf } from "./support/personas";

// A pipeline's view: every step through /api/v1 with a bearer token, no browser session.
const client = (baseURL: string, token: MadeToken): Promise<APIRequestContext> =>
  request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token.secret}` } });

/** Where an operation stands; "gone" once its tenant is deleted (a deleted tenant answers 404 like any missing one). */
async function operationStatus(api: APIRequestContext, tenant: string, id: string): Promise<string> {
  const response = await api.get(`/api/v1/tenants/${tenant}/operations/${id}`);
  if (response.status() === 404) return "gone";
  return ((await response.json()) as { status: string }).status;
}

let tokens: ApiTokens;
test.afterAll(async () => tokens?.close());

test("a tenant's whole life through the API alone: create, wait, grant, add a resource, read costs, delete", async ({
  baseURL,
  browser,
}) => {
  // The infrastructure's id, as the New tenant form offers it to an administrator.
  const session = await browser.newContext({ storageState: storageStateOf("admin") });
  const form = await session.newPage();
  await form.goto("/tenants/new");
  const infrastructureId = await form
    .getByLabel("Infrastructure")
    .locator("option", { hasText: "local (local, local)" })
    .getAttribute("value");
  await session.close();

  tokens = await apiTokens(baseURL!);
  const adminToken = await tokens.make("admin", "write", "api lifecycle");
  const readerToken = await tokens.make("nina", "read", "api lifecycle reader");
  const [admin, reader] = [await client(baseURL!, adminToken), await client(baseURL!, readerToken)];
  const name = `api-${randomUUID().slice(0, 6)}`;
  const waitFor = (id: string) =>
    expect.poll(() => operationStatus(admin, name, id), { timeout: 120_000, intervals: [500, 1000, 2000] });

  const create = { data: { name, infrastructureId }, headers: { "idempotency-key": `create-${name}` } };
  const created = await admin.post("/api/v1/tenants", create);
  expect(created.status()).toBe(202);
  const { tenant, operation } = await created.json();
  expect(tenant).toMatchObject({ name, status: "provisioning", deletionProtection: true });
  expect(operation).toMatchObject({ tenant: name, kind: "provision", error: null, steps: expect.any(Array) });
  // A pipeline that retries with its key gets the same answer, and no second tenant.
  const retried = await admin.post("/api/v1/tenants", create);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect((await retried.json()).operation.id).toBe(operation.id);
  await waitFor(operation.id).toBe("succeeded");
  expect(await (await admin.get(`/api/v1/tenants/${name}`)).json()).toMatchObject({ name, status: "ready" });

  expect((await reader.get(`/api/v1/tenants/${name}`)).status()).toBe(404);
  const grant = await admin.put(`/api/v1/tenants/${name}/grants/${personas.nina.email}`, { data: { level: "read" } });
  expect(grant.status()).toBe(200);
  expect(await grant.json()).toMatchObject({ user: { email: personas.nina.email }, level: "read" });
  const seen = await reader.get(`/api/v1/tenants/${name}`);
  expect(seen.status()).toBe(200);
  expect(await seen.json()).toMatchObject({ name });

  const resource = await admin.post(`/api/v1/tenants/${name}/resources`, { data: { kind: "bucket", name: "assets" } });
  expect(resource.status()).toBe(202);
  const made = (await resource.json()).operation;
  expect(made).toMatchObject({ tenant: name, kind: "resource" });
  await waitFor(made.id).toBe("succeeded");

  const costs = await reader.get(`/api/v1/tenants/${name}/costs`);
  expect(costs.status()).toBe(200);
  expect(await costs.json()).toMatchObject({
    month: new Date().toISOString().slice(0, 7),
    currency: "USD",
    total: expect.any(Number),
    services: expect.any(Array),
  });

  expect((await admin.delete(`/api/v1/tenants/${name}`)).status()).toBe(409);
  const unprotected = await admin.patch(`/api/v1/tenants/${name}`, { data: { deletionProtection: false } });
  expect(unprotected.status()).toBe(200);
  expect((await unprotected.json()).tenant).toMatchObject({ deletionProtection: false });
  const deletion = await admin.delete(`/api/v1/tenants/${name}`);
  expect(deletion.status()).toBe(202);
  const deleting = (await deletion.json()).operation;
  expect(deleting).toMatchObject({ tenant: name, kind: "delete" });
  await waitFor(deleting.id).toMatch(/^(succeeded|gone)$/);
  expect((await admin.get(`/api/v1/tenants/${name}`)).status()).toBe(404);
  expect((await reader.get(`/api/v1/tenants/${name}`)).status()).toBe(404);
  await Promise.all([admin.dispose(), reader.dispose()]);
  await tokens.revoke("admin", adminToken);
  await tokens.revoke("nina", readerToken);
});
