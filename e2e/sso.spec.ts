import { randomUUID } from "node:crypto";
import { expect, test, waitingForHydration, type APIRequestContext, type Page } from "./support/test";
import { formError, personas, storageStateOf } from "./support/personas";

// The test OpenID Connect provider that playwright.config.ts starts (e2e/support/oidc-server.mjs).
const issuer = `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3108}`;
type IdpAccount = { email: string; email_verified: boolean; name: string; groups: string[] };

async function setIdpAccount(request: APIRequestContext, id: string, account: IdpAccount) {
  const response = await request.put(`${issuer}/test/accounts/${encodeURIComponent(id)}`, { data: account });
  expect(response.status(), await response.text()).toBe(204);
}

/** From the portal's login page through the IdP; its login and consent pages appear only without an IdP session. */
async function signInWithIdp(page: Page, id: string, { hasIdpSession = false } = {}) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  if (hasIdpSession) return;
  await page.getByPlaceholder("Enter any login").fill(id);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("SSO with group mappings", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a group mapped to a tenant gives it at sign-in, and leaving the group takes it away", async ({
    page: admin,
    browser,
    baseURL,
    request,
  }) => {
    const suffix = randomUUID().slice(0, 8);
    // Unique per run, because the e2e database may be a shared PostgreSQL that outlives the run.
    const group = `team-stage-${suffix}`;
    const id = `sso-${suffix}`;

    await admin.goto("/admin/groups");
    await expect(admin.getByRole("heading", { name: "SSO groups" })).toBeVisible();
    const form = admin.getByRole("form", { name: "New group mapping" });
    await form.getByLabel("Group").fill(group);
    await form.getByLabel("Gives").selectOption("tenant");
    await form.getByLabel("Tenant").selectOption({ label: "stage" });
    await form.getByLabel("Level").selectOption("read");
    await form.getByRole("button", { name: "Add mapping" }).click();
    const row = admin.getByRole("table", { name: "Group mappings" }).getByRole("row").filter({ hasText: group });
    await expect(row).toContainText("read on stage");
    await form.getByLabel("Group").fill(group);
    await form.getByRole("button", { name: "Add mapping" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      `The group "${group}" already gives read access to stage. Delete that mapping first to change the level.`,
    );

    await setIdpAccount(request, id, {
      email: `${id}@sso.test`,
      email_verified: true,
      name: "Sid Stage",
      groups: ["unrelated", group],
    });
    const context = await browser.newContext({ baseURL, storageState: undefined });
    const user = waitingForHydration(await context.newPage());
    await signInWithIdp(user, id);
    await expect(user.getByRole("heading", { name: "Tenants" })).toBeVisible();
    await expect(user.getByTestId("signed-in-user")).toContainText(`${id}@sso.test`);
    await expect(user.getByRole("table", { name: "Tenants" }).getByRole("link")).toHaveText(["stage"]);
    expect((await user.goto("/t/stage"))?.status()).toBe(200);
    expect((await user.goto("/t/dev"))?.status()).toBe(404);

    await setIdpAccount(request, id, {
      email: `${id}@sso.test`,
      email_verified: true,
      name: "Sid Stage",
      groups: ["unrelated"],
    });
    await user.goto("/tenants");
    await user.getByRole("button", { name: "Sign out" }).click();
    await expect(user).toHaveURL(/\/login/);
    await signInWithIdp(user, id, { hasIdpSession: true });
    await expect(user.getByRole("heading", { name: "Tenants" })).toBeVisible();
    await expect(user.getByText("You have not been granted access to any tenant.")).toBeVisible();
    const stage = await user.goto("/t/stage");
    expect(stage?.status()).toBe(404);
    await expect(user.getByRole("heading", { name: "Not found" })).toBeVisible();
    await context.close();

    await row.getByRole("button", { name: /^Delete / }).click();
    await row.getByRole("button", { name: "Yes, delete" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("SSO refusals", () => {
  test("an email that belongs to an existing local account is not linked", async ({ page, request }) => {
    const id = `sso-alice-${randomUUID().slice(0, 8)}`;
    await setIdpAccount(request, id, {
      email: personas.alice.email,
      email_verified: true,
      name: "Not Alice",
      groups: [],
    });
    await signInWithIdp(page, id);
    await expect(page).toHaveURL(/\/login\?error=sso_email_taken/);
    await expect(formError(page)).toHaveText(
      "An account with this email already exists. Ask an administrator to link it to your single sign-on identity.",
    );
    await page.goto("/tenants");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftenants/);
  });

  test("an unverified email is refused", async ({ page, request }) => {
    const id = `sso-unverified-${randomUUID().slice(0, 8)}`;
    await setIdpAccount(request, id, {
      email: `${id}@sso.test`,
      email_verified: false,
      name: "Una Verified",
      groups: [],
    });
    await signInWithIdp(page, id);
    await expect(page).toHaveURL(/\/login\?error=sso_email_unverified/);
    await expect(formError(page)).toHaveText(
      "Your identity provider has not verified your email address. Verify it there, then sign in again.",
    );
  });
});
