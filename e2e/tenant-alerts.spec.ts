import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

const suffix = () => Math.random().toString(36).slice(2, 7);
const alertRow = (page: Page, title: string) =>
  page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: title });

test.describe("a write user on the alerts page", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("adds a rule, sees its alert open, acknowledges it, and sends a test to a webhook", async ({ page }) => {
    await page.goto("/t/dev/alerts");
    const name = `CPU busy ${suffix()}`;
    const form = page.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Threshold").fill("lots");
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(form.getByRole("alert")).toHaveText("The threshold is a number.");
    await form.getByLabel("Threshold").fill("1");
    await form.getByLabel("Window (minutes)").fill("5");
    await form.getByLabel("Severity").selectOption("critical");
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(
      page.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: name }),
    ).toContainText("CPU above 1 over 5 min");

    // The worker evaluates rules every 15 s; CPU is never below 8%.
    await expect(async () => {
      await page.reload();
      await expect(alertRow(page, name)).toContainText("open", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByRole("navigation", { name: "Main" }).getByLabel(/\d+ unresolved/)).toBeVisible();
    await alertRow(page, name).getByRole("button", { name: "Acknowledge" }).click();
    await expect(alertRow(page, name)).toContainText("acknowledged");
    await expect(alertRow(page, name)).toContainText("by Alice Developer");

    const received: string[] = [];
    const receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (c) => (body += c)).on("end", () => (received.push(body), response.writeHead(204).end()));
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      // Unique per run: on a reused PostgreSQL an older run's channel of the same name points at a closed port.
      const hook = `On-call hook ${suffix()}`;
      const channels = page.getByRole("form", { name: "New notification channel" });
      await channels.getByLabel("Name").fill(hook);
      await channels
        .getByLabel("URL")
        .fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/secret-token`);
      await channels.getByRole("button", { name: "Add channel" }).click();
      const row = page.getByRole("table", { name: "Notification channels" }).getByRole("row").filter({ hasText: hook });
      await expect(row).not.toContainText("secret-token");
      await row.getByRole("button", { name: "Send test" }).click();
      await expect(row.getByRole("status")).toHaveText("Test message delivered.");
      expect(received.some((body) => body.includes("dev"))).toBe(true);
    } finally {
      receiver.close();
    }
    await page.screenshot({ path: "test-results/screenshots/alerts.png", fullPage: true });
  });
});

test.describe("a read user on the alerts page", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees the alerts and rules but can acknowledge nothing and add nothing", async ({ page }) => {
    await page.goto("/t/dev/alerts?state=all");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "New alert rule" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "New notification channel" })).toHaveCount(0);
  });
});
