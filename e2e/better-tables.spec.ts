import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

const shots = "test-results/screenshots";

test.describe("a write user on dev's resources", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sorts and filters a short list in the page, and copies a load balancer's address", async ({
    page,
    context,
  }) => {
    await page.goto("/t/dev/resources");
    const services = page.getByRole("table", { name: "Services" });
    const name = services.getByRole("columnheader", { name: /Name/ });
    await name.getByRole("button").click();
    await expect(name).toHaveAttribute("aria-sort", "ascending");
    await name.getByRole("button").click();
    await expect(name).toHaveAttribute("aria-sort", "descending");
    await expect(services.getByRole("row").nth(1)).toHaveAccessibleName(/^worker /);
    await page.getByRole("searchbox", { name: "Filter services" }).fill("ap");
    await expect(services.getByRole("row")).toHaveCount(2);
    await expect(services.getByRole("row").nth(1)).toHaveAccessibleName(/^api /);
    await expect(services.locator("time").first()).toHaveAttribute("title", / UTC$/);
    await page.screenshot({ path: `${shots}/resources-sorted-filtered.png`, fullPage: true });

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/t/dev/resources/load-balancer/web");
    await page.getByRole("button", { name: "Copy address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("web.dev.local.enclave");
    await expect(page.getByRole("button", { name: "Copy cloud id" })).toBeVisible();
  });

  test("sees the searched text marked in log results", async ({ page }) => {
    await expect
      .poll(
        async () =>
          ((await (await page.request.get("/api/t/dev/logs?range=24h&q=orders")).json()) as { lines: unknown[] }).lines
            .length,
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThan(0);
    await page.goto("/t/dev/logs?q=ORDERS&range=24h");
    const marks = page.getByRole("table", { name: "Log lines" }).locator("mark");
    await expect(marks.first()).toHaveText("orders");
  });
});

test.describe("an admin on the users list", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sorts thousands of users on the server, through the URL", async ({ page }) => {
    await page.goto("/admin/users");
    const header = page.getByRole("table", { name: "Users" }).getByRole("columnheader", { name: /Role/ });
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/sort=role&dir=asc/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toContainText("admin");
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/sort=role&dir=desc/);
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toContainText("user");
  });
});
