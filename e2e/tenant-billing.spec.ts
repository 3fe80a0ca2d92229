import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

const dollars = (text: string) => Number(text.replace(/[$,]/g, ""));

/** WCAG contrast of two computed CSS colours ("rgb(51, 65, 85)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => Number(c) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

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

test.describe("a read user reading the cost chart's legend", () => {
  test.use({ storageState: storageStateOf("bob") });

  // Issue 14 defect 9
  test("reads every service name in it at 4.5:1 or more", async ({ page }) => {
    await page.goto("/t/dev/billing");
    const legend = page.getByRole("region", { name: "Cost by day" }).locator(".recharts-legend-item-text");
    await expect(legend.first()).toBeVisible({ timeout: 120_000 });
    const card = await page
      .getByRole("region", { name: "Cost by day" })
      .evaluate((el) => getComputedStyle(el.closest(".card") ?? document.body).backgroundColor);
    for (const item of await legend.all()) {
      // The text itself, or the span a formatter wraps it in.
      const colour = await item.evaluate((el) => getComputedStyle(el.querySelector("span") ?? el).color);
      expect(contrast(colour, card), `${await item.innerText()} in ${colour} on ${card}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

test.describe("a write user with a budget", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sets a budget already spent and finds the alert it raised", async ({ page }) => {
    await page.goto("/t/dev/billing");
    const form = page.getByRole("form", { name: "Monthly budget" });
    await form.getByLabel("Monthly budget (USD)").fill("-5");
    // Set, or Update when an earlier spec (shell-theme) left dev with one.
    const save = form.getByRole("button", { name: /^(Set|Update) budget$/ });
    await save.click();
    await expect(form.getByRole("alert")).toHaveText("The budget must be more than 0.");
    await form.getByLabel("Monthly budget (USD)").fill("0.01");
    await form.getByLabel("Warn at (% of budget)").fill("50, 100");
    await save.click();
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
