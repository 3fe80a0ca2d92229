import { expect, test, type APIRequestContext } from "./support/test";
import { storageStateOf } from "./support/personas";

type Metrics = {
  unit: string;
  bucketSeconds: number;
  series: { resource: string | null; points: [string, number][] }[];
};

// Demo tenants are provisioned at server start, and the worker then writes their metrics.
async function waitForMetrics(request: APIRequestContext) {
  await expect
    .poll(async () => (await (await request.get("/api/t/dev")).json()).status, { timeout: 60_000 })
    .toBe("ready");
  await expect
    .poll(
      async () =>
        ((await (await request.get("/api/t/dev/metrics?metric=cpu&range=7d")).json()) as Metrics).series[0]?.points
          .length ?? 0,
      {
        timeout: 30_000,
        message: "no metrics for dev within 30 s: is generateRecentMetrics wired into the worker?",
      },
    )
    .toBeGreaterThan(0);
}

test.describe("a read user on a tenant's metrics page", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees the charts, switches to 7 days, and cannot reach another tenant's metrics", async ({ page, request }) => {
    await waitForMetrics(request);
    await page.goto("/t/dev/metrics");
    await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
    for (const title of ["CPU", "Memory", "Network", "Requests", "Errors"]) {
      await expect(
        page
          .getByRole("img", { name: `${title} chart` })
          .locator("svg path")
          .first(),
      ).toBeAttached();
    }

    const answered = page.waitForResponse(
      (r) => r.url().includes("/api/t/dev/metrics?metric=cpu") && r.url().includes("range=7d"),
    );
    await page.getByRole("button", { name: "7 days" }).click();
    const cpu = (await (await answered).json()) as Metrics;
    expect(cpu.series[0]!.points.length).toBeGreaterThan(0);
    for (const metric of ["cpu", "memory", "network_in", "network_out", "requests", "errors"]) {
      const answer = (await (await request.get(`/api/t/dev/metrics?metric=${metric}&range=7d`)).json()) as Metrics;
      for (const series of answer.series) expect(series.points.length).toBeLessThanOrEqual(300);
    }
    await expect(page.getByText(/one point per \d+ min/)).toBeVisible();
    await expect(page.getByRole("img", { name: "CPU chart" }).locator("svg path").first()).toBeAttached();

    await page.getByLabel("Resource").selectOption("db-host");
    await expect(page.getByRole("region", { name: "Requests" })).toHaveCount(0);
    await page.getByLabel("Resource").selectOption("");
    await page.screenshot({ path: "test-results/screenshots/metrics.png", fullPage: true });

    expect((await request.get("/api/t/dev/metrics?metric=cpu&range=2d")).status()).toBe(400);
    expect((await request.get("/api/t/prod/metrics?metric=cpu&range=1h")).status()).toBe(404);
    const denied = await page.goto("/t/prod/metrics");
    expect(denied?.status()).toBe(404);
  });
});

test.describe("a user with no grant", () => {
  test.use({ storageState: storageStateOf("nina") });

  test("gets 404 from the metrics API of a tenant", async ({ request }) => {
    const response = await request.get("/api/t/dev/metrics?metric=cpu&range=1h");
    expect(response.status()).toBe(404);
  });
});
