import { randomUUID } from "node:crypto";
import { expect, test, waitingForHydration } from "./support/test";
import { builtActions } from "./support/build-manifest";
import { signIn, storageStateOf } from "./support/personas";

test.describe("an admin managing users", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a user, grants them stage, and a revoke or a disable applies at the user's next request", async ({
    page,
    browser,
    baseURL,
  }) => {
    // Unique per run: the end-to-end database may be a shared PostgreSQL.
    const suffix = randomUUID().slice(0, 8);
    const email = `newhire-${suffix}@e2e.enclave.local`;
    const name = `Nora Newhire ${suffix}`;
    const password = `orbit-lantern-${suffix}-ridge`;

    await page.goto("/admin/users");
    await page.getByRole("button", { name: "New user" }).click();
    const create = page.getByRole("form", { name: "New user" });
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Role").selectOption("user");
    await create.getByLabel("Initial password").fill("password1234");
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(create.getByRole("alert")).toHaveText("That password is too common; choose another.");
    await create.getByLabel("Initial password").fill(password);
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: email })).toContainText(`Created ${email}`);

    await page.getByRole("searchbox", { name: "Search" }).fill(email);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
    await page
      .getByRole("table", { name: "Users" })
      .getByRole("link", { name: new RegExp(name) })
      .click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

    const grant = page.getByRole("form", { name: "Grant access" });
    await grant.getByLabel("Tenant").selectOption("stage");
    await grant.getByLabel("Level").selectOption("read");
    await grant.getByRole("button", { name: "Grant access" }).click();
    const stageRow = page.getByRole("table", { name: "Tenant access" }).getByRole("row", { name: /stage/ });
    await expect(stageRow).toContainText("read");
    await page.screenshot({ path: "test-results/screenshots/user-detail.png", fullPage: true });

    // The new user, in a browser of their own.
    const userContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const user = waitingForHydration(await userContext.newPage());
    await user.goto("/login");
    await signIn(user, email, password);
    await expect(user.getByRole("heading", { name: "Tenants" })).toBeVisible();
    expect((await user.goto("/t/stage"))?.status()).toBe(200);
    expect((await user.request.get("/api/t/stage")).status()).toBe(200);

    await user.goto("/account");
    await user.getByRole("form", { name: "Profile" }).getByLabel("Name").fill(`${name} Jr`);
    await user.getByRole("button", { name: "Save" }).click();
    await expect(user.getByTestId("signed-in-user")).toContainText(`${name} Jr`);

    await stageRow.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("dialog")).toContainText(`${email} loses this access at their next request.`);
    await page.screenshot({ path: "test-results/screenshots/user-revoke-dialog.png" });
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText("No tenant access")).toBeVisible();
    expect((await user.goto("/t/stage"))?.status()).toBe(404);
    expect((await user.request.get("/api/t/stage")).status()).toBe(404);

    await page.getByRole("button", { name: "Disable account" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByRole("button", { name: "Enable account" })).toBeVisible();
    await user.goto("/tenants");
    await expect(user).toHaveURL(/\/login/);
    expect((await user.request.get("/api/me")).status()).toBe(401);
    const rename = builtActions().find((a) => a.name === "updateOwnProfile")!;
    const call = await user.request.post(rename.page, {
      headers: { "next-action": rename.id, "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
      data: JSON.stringify([{ name: "Renamed after being disabled" }]),
    });
    expect(await call.text()).toContain('"code":"unauthenticated"');
    await userContext.close();
  });
});

test.describe("a user who is not an admin", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("gets not-found from the user pages, and has an account page of their own", async ({ page }) => {
    for (const path of ["/admin/users", `/admin/users/${randomUUID()}`]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Change password" })).toBeVisible();
  });
});
