import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "./support/test";
import { builtActions } from "./support/build-manifest";
import { storageStateOf } from "./support/personas";

/** GET /api/v1/me with a bearer token and no cookies, as a pipeline would. */
async function whoAmI(baseURL: string, secret: string) {
  const api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  const answer = { status: response.status(), body: response.ok() ? await response.json() : null };
  await api.dispose();
  return answer;
}

test.describe("a person's own access tokens", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("are created on the account page, shown once, listed with their last use, and revoked at once", async ({
    page,
    baseURL,
  }) => {
    const name = `deploy ${randomUUID().slice(0, 8)}`;
    await page.goto("/account");
    const form = page.getByRole("form", { name: "New access token" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Scope").selectOption("write");
    await form.getByLabel("Days until it expires").fill("400");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByRole("alert")).toHaveText("A token lives at most a year (366 days).");
    await form.getByRole("button", { name: "30 days" }).click();
    await form.getByRole("button", { name: "Create token" }).click();

    const shown = page.getByRole("region", { name: "New token" });
    await expect(shown).toContainText(`Copy the token “${name}” now`);
    const secret = (await shown.getByTestId("new-token-secret").textContent())!;
    expect(secret).toMatch(/^enc_[\w-]{43}$/);
    await page.screenshot({ path: "test-results/screenshots/account-token-shown.png", fullPage: true });
    expect(await whoAmI(baseURL!, secret)).toMatchObject({ status: 200, body: { token: { name, scope: "write" } } });

    await shown.getByRole("button", { name: "I have copied it" }).click();
    await expect(shown).toBeHidden();
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole("table", { name: "Access tokens" }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(secret.slice(0, 10));
    await expect(row).toContainText("write");
    await expect(row).toContainText("active");
    await expect(row).not.toContainText("Never");

    await row.getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke the token “${name}”?` });
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("revoked");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    expect((await whoAmI(baseURL!, secret)).status).toBe(401);
  });

  test("are not seen nor revoked by another user, who cannot open the list of every token", async ({
    page,
    baseURL,
  }) => {
    const name = `private ${randomUUID().slice(0, 8)}`;
    await page.goto("/account");
    const form = page.getByRole("form", { name: "New access token" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("new-token-secret").textContent())!;
    const tokenId = ((await whoAmI(baseURL!, secret)).body as { token: { id: string } }).token.id;

    const bob = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("bob") });
    expect(await (await bob.get("/account")).text()).not.toContain(name);
    expect((await bob.get("/admin/tokens")).status()).toBe(404);
    const revoke = builtActions().find((a) => a.name === "revokeOwnToken")!;
    const answer = await bob.post(revoke.page, {
      headers: {
        "next-action": revoke.id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: baseURL!,
      },
      data: JSON.stringify([{ tokenId }]),
    });
    expect(await answer.text()).toContain('"code":"not_found"');
    await bob.dispose();
    expect((await whoAmI(baseURL!, secret)).status).toBe(200);
  });
});
