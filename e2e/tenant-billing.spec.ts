import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

const dollars = (text: string) => Number(text.replace(/[$,]/g, ""));

test.describe("a read user on the billing page", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees the tenant's costs in charts, and a CSV of its own costs whose total matches the page", async ({
    page,
  }) => {
    await expect(async () => {
      await page.goto("/t/dev/billing");
      expect(dollars(await page.getByTestId("month-total").innerText())).toBeGreaterThan(0);
    }).toPass({ timeout: 120_000 });
    await expect(
      page.getByRole("img", { name: "Cost by day chart" }).locator(".recharts-bar-rectangle").first(),
    ).toBeAttached();
    await expect(
      page.getByRole("img", { name: "Cost by month chart" }).locator(".recharts-bar-rectangle").first(),
    ).toBeAttached();
    const serviceRows = page.getByRole("table", { name: "Cost by service" }).getByRole("row");
    await expect(serviceRows.filter({ hasText: "Amazon EC2" })).toHaveCount(1);
    const href = await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href");
    // The worker's cost sync may add to today's cost between the page and the download: compare a
    // page and a CSV that no sync came between (the same total read twice around the download).
    let pageTotal = 0;
    let csv = "";
    await expect(async () => {
      await page.reload();
      pageTotal = dollars(await page.getByTestId("month-total").innerText());
      csv = await (await page.request.get(href!)).text();
      await page.reload();
      expect(dollars(await page.getByTestId("month-total").innerText())).toBe(pageTotal);
    }).toPass({ timeout: 120_000 });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("day,service,amount_usd");
    const body = lines.slice(1, -1).map((l) => l.split(","));
    const month = new Date().toISOString().slice(0, 7);
    expect(body.every(([day]) => day!.startsWith(month))).toBe(true);
    const total = lines.at(-1)!.split(",");
    expect(total[0]).toBe("total");
    expect(Number(total[2])).toBeCloseTo(pageTotal, 2);
    expect(body.reduce((sum, [, , amount]) => sum + Math.round(Number(amount) * 100), 0) / 100).toBeCloseTo(
      pageTotal,
      2,
    );

    // prod is not bob's: its page and its export answer like missing ones.
    expect((await page.request.get("/api/t/prod/billing/export")).status()).toBe(404);
    expect((await page.goto("/t/prod/billing"))!.status()).toBe(404);
    await page.goto("/t/dev/billing");
    await expect(page.getByRole("form", { name: "Monthly budget" })).toHaveCount(0);
  });
});

test.describe("a write user with a budget", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sets a budget already spent and finds the alert it raised", async ({ page }) => {
    await page.goto("/t/dev/billing");
    const form = page.getByRole("form", { name: "Monthly budget" });
    await form.getByLabel("Monthly budget (USD)").fill("-5");
    await form.getByRole("button", { name: "Set budget" }).click();
    await expect(form.getByRole("alert")).toHaveText("The budget must be more than 0.");
    await form.getByLabel("Monthly budget (USD)").fill("0.01");
    await form.getByLabel("Warn at (% of budget)").fill("50, 100");
    await form.getByRole("button", { name: "Set budget" }).click();
    await expect(page.getByText(/warns at 50, 100%/)).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/billing.png", fullPage: true });
    await page.goto("/t/dev/alerts");
    await expect(
      page
        .getByRole("table", { name: "Alerts" })
        .getByRole("row")
        .filter({ hasText: "100% of the monthly budget spent" }),
    ).toHaveCount(1);
    await page.goto("/t/dev/billing");
    await page.getByRole("button", { name: "Remove budget" }).click();
    await expect(page.getByText("Set one below to be warned")).toBeVisible();
  });
});
