import { expect, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

type Lines = { lines: { id: number; level: string; message: string }[] };

// Lines come from the server's own generator (started by the job worker once dev is ready).
async function waitForLines(page: Page, query: string) {
  await expect
    .poll(async () => ((await (await page.request.get("/api/t/dev")).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe("ready");
  await expect
    .poll(
      async () => ((await (await page.request.get(`/api/t/dev/logs?range=24h&${query}`)).json()) as Lines).lines.length,
      { timeout: 30_000, message: `generated lines matching ${query}` },
    )
    .toBeGreaterThan(0);
}

test.describe("a user with read on dev", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("searches dev's logs, filters by level, and downloads the result", async ({ page }) => {
    await waitForLines(page, "level=warn");
    await page.goto("/t/dev/logs?range=24h");
    const rows = page.getByRole("table", { name: "Log lines" }).locator("tbody tr");
    await expect(rows).toHaveCount(100);
    await page.getByRole("button", { name: "Load older" }).click();
    await expect(rows).toHaveCount(200);
    expect(new Set(await rows.allTextContents()).size).toBe(200);

    const filters = page.getByRole("form", { name: "Log filters" });
    await filters.getByLabel("Level").selectOption("warn");
    await filters.getByLabel("Time range").selectOption("24h");
    await filters.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/level=warn/);
    const table = page.getByRole("table", { name: "Log lines" });
    const levels = table.locator("tbody tr td:nth-child(2)");
    await expect(levels.first()).toBeVisible();
    expect(new Set(await levels.allTextContents())).toEqual(new Set(["warn"]));

    const csv = await page.request.get((await page.getByRole("link", { name: "CSV" }).getAttribute("href"))!);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="dev-logs-.*\.csv"$/);
    expect((await csv.text()).split("\r\n")[0]).toBe("time,level,resource,message");
    const bad = await page.request.get("/api/t/dev/logs?level=fatal");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("level: one of debug, info, warn, error");
  });

  test("follows new lines in the live tail, and holds them while paused", async ({ page }) => {
    await waitForLines(page, "");
    await page.goto("/t/dev/logs");
    const rows = page.getByRole("table", { name: "Log lines" }).locator("tbody tr");
    const before = await rows.count();
    await page.getByRole("button", { name: "Live tail" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Following new lines" })).toBeVisible();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(before);

    await page.getByRole("button", { name: "Pause" }).click();
    const paused = await rows.count();
    await expect(page.getByRole("status")).toHaveText(/Paused: [1-9]\d* new lines? waiting/, { timeout: 30_000 });
    expect(await rows.count()).toBe(paused);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(paused);
  });

  test("sees markup in a log line as text, never as markup", async ({ page }) => {
    await waitForLines(page, "q=onerror");
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.goto("/t/dev/logs?q=onerror&range=24h");
    const table = page.getByRole("table", { name: "Log lines" });
    await expect(table.getByText("<img src=x onerror=alert(1)>", { exact: false }).first()).toBeVisible();
    await expect(table.locator("img")).toHaveCount(0);
    await page.goto("/t/dev/logs?q=%3Cscript%3E&range=24h");
    await expect(table.getByText("<script>alert(1)</script>", { exact: false }).first()).toBeVisible();
    await expect(table.locator("script")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test("gets not-found for prod's logs, page and API", async ({ page }) => {
    expect((await page.goto("/t/prod/logs"))?.status()).toBe(404);
    expect((await page.request.get("/api/t/prod/logs")).status()).toBe(404);
    expect((await page.request.get("/api/t/prod/logs/stream")).status()).toBe(404);
  });
});

test.describe("a user with no grant", () => {
  test.use({ storageState: storageStateOf("nina") });

  test("gets not-found for dev's logs API", async ({ page }) => {
    expect((await page.request.get("/api/t/dev/logs")).status()).toBe(404);
    expect((await page.request.get("/api/t/dev/logs/stream")).status()).toBe(404);
  });
});
