import { expect, test, type APIRequestContext } from "./support/test";
import { storageStateOf } from "./support/personas";

async function waitUntilReady(request: APIRequestContext, tenant: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/t/${tenant}`)).json()).status, { timeout: 30_000 })
    .toBe("ready");
}

test.describe("a write user on the network page", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("allows a CIDR on a port, sees the rule active, and removes it after confirming", async ({ page }) => {
    await waitUntilReady(page.request, "dev");
    await page.goto("/t/dev/network");
    const form = page.getByRole("form", { name: "Allow ingress" });
    await form.getByLabel("Source").selectOption("cidr");
    await form.getByLabel("CIDR", { exact: true }).fill("10.20.0.0/99");
    await form.getByLabel("From port").fill("5432");
    await form.getByRole("button", { name: "Allow" }).click();
    await expect(form.getByRole("alert")).toHaveText("Give the CIDR as an IPv4 block such as 10.20.0.0/16.");

    const cidr = `10.${Math.floor(Math.random() * 200)}.0.0/16`;
    await form.getByLabel("CIDR", { exact: true }).fill(cidr);
    await form.getByRole("button", { name: "Allow" }).click();
    const row = page
      .getByRole("table", { name: "Ingress rules" })
      .getByRole("row", { name: new RegExp(cidr.replace(/\./g, "\\.")) });
    await expect(row).toContainText("active");
    await expect(row).toContainText("5432");

    await row.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("a read user on the network page", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees the rules but cannot add or remove any", async ({ page }) => {
    await page.goto("/t/dev/network");
    await expect(page.getByRole("heading", { name: "Network", level: 1 })).toBeVisible();
    await expect(page.getByRole("form", { name: "Allow ingress" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  });
});
