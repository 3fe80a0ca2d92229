import type { Browser } from "@playwright/test";
import { expect, test, waitingForHydration, type Page } from "./support/test";
import { storageStateOf, type Persona } from "./support/personas";

// dev's write user (alice, who may read stage) asks for a bucket of stage; stage's only writer is an admin.
const suffix = () => Math.random().toString(36).slice(2, 7);

async function pageOf(browser: Browser, persona: Persona, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(persona), viewport });
  return waitingForHydration(await context.newPage());
}

const shareRow = (page: Page, list: string, bucket: string) =>
  page.getByRole("table", { name: list }).getByRole("row", { name: new RegExp(`bucket ${bucket}`) });

async function createBucket(admin: Page, name: string) {
  for (const tenant of ["stage", "dev"])
    await expect
      .poll(async () => (await (await admin.request.get(`/api/t/${tenant}`)).json()).status, { timeout: 30_000 })
      .toBe("ready");
  await admin.goto("/t/stage/resources");
  const form = admin.getByRole("form", { name: "New resource" });
  await form.getByLabel("Bucket").check();
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create bucket" }).click();
  await expect(admin.getByRole("heading", { name: `Created bucket enclave-stage-${name}` })).toBeVisible({
    timeout: 60_000,
  });
}

test("tenant B asks for a bucket of A, A approves, both pages list it, and A revokes it", async ({ browser }) => {
  const admin = await pageOf(browser, "admin");
  const alice = await pageOf(browser, "alice");
  const name = `shared-${suffix()}`;
  const bucket = `enclave-stage-${name}`;
  await createBucket(admin, name);

  await alice.goto("/t/dev/network");
  await expect(alice.getByRole("heading", { name: "Network & sharing", level: 1 })).toBeVisible();
  const form = alice.getByRole("form", { name: "Request a share" });
  await form.getByLabel("Owner tenant").selectOption("stage");
  await form.getByLabel("Name").fill("no-such-bucket");
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(form.getByRole("alert")).toHaveText("There is no bucket no-such-bucket in stage.");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Access").selectOption("read-write");
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(shareRow(alice, "Shared with this tenant", bucket)).toContainText("requested");
  await expect(form.getByRole("button", { name: "Create share now" })).toHaveCount(0);

  await admin.goto("/t/stage/network");
  await expect(admin.getByText("1 request waits for your decision.")).toBeVisible();
  const owned = shareRow(admin, "Shared by this tenant", bucket);
  await expect(owned).toContainText("dev");
  await owned.getByRole("button", { name: "Approve" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(owned).toContainText("active", { timeout: 60_000 });
  await expect(owned).toContainText("Ada Admin");
  await admin.screenshot({ path: "test-results/screenshots/shares-owner.png", fullPage: true });

  await alice.reload();
  const given = shareRow(alice, "Shared with this tenant", bucket);
  await expect(given).toContainText("active");
  await expect(given).toContainText("Alice Developer");
  await expect(given).toContainText("Ada Admin");
  await expect(given).toContainText("read-write");
  await alice.screenshot({ path: "test-results/screenshots/shares-grantee.png", fullPage: true });
  const phone = await pageOf(browser, "alice", { width: 390, height: 844 });
  await phone.goto("/t/dev/network");
  await expect(shareRow(phone, "Shared with this tenant", bucket)).toContainText("active");
  await phone.screenshot({ path: "test-results/screenshots/shares-grantee-390.png", fullPage: true });

  await owned.getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(owned).toContainText("revoked", { timeout: 60_000 });
  await alice.reload();
  await expect(shareRow(alice, "Shared with this tenant", bucket)).toContainText("revoked");

  await admin.goto("/t/stage/resources");
  const row = admin
    .getByRole("table", { name: "Storage buckets" })
    .getByRole("row", { name: new RegExp(`^${bucket} `) });
  await row.getByRole("button", { name: "Delete" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Delete bucket" }).click();
  await expect(row).toHaveCount(0, { timeout: 60_000 });
});
