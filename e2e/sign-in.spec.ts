import { randomUUID } from "node:crypto";
import { expect, hydrated, test } from "./support/test";
import { formError, personas, signIn } from "./support/personas";

test.describe("signing in", () => {
  test("an empty form says what is missing", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Enter your email.");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Enter a valid email address.");
  });

  test("an unknown email and a wrong password get the same message", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, `nobody-${randomUUID()}@enclave.local`, "whatever-password");
    await expect(formError(page)).toBeVisible();
    const unknown = await formError(page).textContent();
    await signIn(page, personas.bob.email, "not-bobs-password");
    await expect(formError(page)).toHaveText(unknown!);
    expect(unknown).toBe("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures pause sign-in for that account", async ({ page }) => {
    const email = `target-${randomUUID()}@enclave.local`;
    await page.goto("/login");
    for (let attempt = 0; attempt < 6; attempt++) {
      await signIn(page, email, `guess-${attempt}`);
      await expect(formError(page)).toBeVisible();
    }
    await expect(formError(page)).toContainText("Too many failed sign-in attempts. Try again in");
  });

  test("a foreign callbackUrl lands on the portal", async ({ page, baseURL }) => {
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
      await signIn(page, personas.alice.email, personas.alice.password);
      await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2Ft%2Fdev");
    await signIn(page, personas.alice.email, personas.alice.password);
    await expect(page.getByRole("heading", { name: "dev" })).toBeVisible();
    // The form's navigation is not a goto: a click before hydration did nothing (a loaded CI run).
    await hydrated(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/tenants");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftenants/);
  });
});
