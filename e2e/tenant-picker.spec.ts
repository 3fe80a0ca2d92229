import { expect, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

const picker = (page: Page) => page.getByRole("dialog", { name: "Switch tenant" });
const group = (page: Page, name: string) => picker(page).getByRole("group", { name });
const options = (page: Page, groupName: string) => group(page, groupName).getByRole("option");

async function openPicker(page: Page) {
  await page.getByRole("button", { name: /^Tenant / }).click();
  await expect(picker(page).getByRole("combobox", { name: "Search tenants" })).toBeFocused();
}

/** Sets the star of the tenant being looked at, whatever an earlier run on this database left. */
async function setStar(page: Page, tenant: string, on: boolean) {
  const star = page.getByRole("button", { name: `Favourite ${tenant}` });
  if ((await star.getAttribute("aria-pressed")) !== String(on)) await star.click();
  await expect(star).toHaveAttribute("aria-pressed", String(on));
}

test.describe("a user with read access to dev and stage", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("never gets prod from the picker's endpoint, whatever the search", async ({ page }) => {
    const names = async (query: string) => {
      const response = await page.request.get(`/api/tenants${query}`);
      expect(response.status(), query).toBe(200);
      const body = (await response.json()) as {
        results: { name: string }[];
        favorites: { name: string }[];
        recent: { name: string }[];
      };
      return [...body.results, ...body.favorites, ...body.recent].map((t) => t.name);
    };
    expect((await names("")).filter((n) => !["dev", "stage"].includes(n))).toEqual([]);
    for (const query of ["?q=prod", "?q=pr", "?q=od&limit=50"]) expect(await names(query), query).toEqual([]);
    expect((await page.request.get("/api/tenants?limit=0")).status()).toBe(400);
  });

  test("stars dev, finds it among the favourites first, and unstars it into the recent list", async ({ page }) => {
    await page.goto("/t/dev");
    await setStar(page, "dev", false);
    await setStar(page, "dev", true);
    await page.goto("/tenants");
    await openPicker(page);
    await expect(options(page, "Favourites")).toHaveText(["dev"]);
    await expect(options(page, "All tenants")).toHaveText(["dev★", "stage"]);
    await page.screenshot({ path: "test-results/screenshots/tenant-picker.png" });
    await page.keyboard.press("Escape");

    await page.goto("/t/dev/logs");
    await setStar(page, "dev", false);
    await openPicker(page);
    await expect(group(page, "Favourites")).toHaveCount(0);
    await expect(options(page, "Recent").filter({ hasText: "dev" })).toHaveCount(1);
  });
});

test.describe("a user with grants on dev and stage", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("searches and moves with the keyboard, keeping the sub-page, and closes with Escape", async ({ page }) => {
    const recent = async () =>
      ((await (await page.request.get("/api/tenants")).json()) as { recent: { name: string }[] }).recent.map(
        (t) => t.name,
      );
    await page.goto("/t/stage/logs");
    await expect.poll(recent).toContain("stage");
    await page.goto("/t/dev/resources");
    await expect.poll(recent).toContain("dev");
    const trigger = page.getByRole("button", { name: "Tenant dev", exact: true });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const search = picker(page).getByRole("combobox", { name: "Search tenants" });
    await expect(search).toBeFocused();
    await expect(options(page, "All tenants")).toHaveText(["dev", "stage"]);
    for (const name of ["dev", "stage"]) await expect(options(page, "Recent").filter({ hasText: name })).toHaveCount(1);
    const all = picker(page).getByRole("option");
    const activeIs = async (n: number) =>
      expect(search).toHaveAttribute("aria-activedescendant", (await all.nth(n).getAttribute("id"))!);
    await activeIs(0);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await activeIs(2);
    await expect(all.nth(2)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowUp");
    await activeIs(1);
    await page.keyboard.press("Escape");
    await expect(picker(page)).toHaveCount(0);
    await expect(trigger).toBeFocused();

    await page.keyboard.press("ArrowDown");
    await search.pressSequentially("st");
    await expect(options(page, "Matching tenants")).toHaveText(["stage"]);
    await activeIs(0);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/t\/stage\/resources$/);

    // Enter straight after typing waits for the answer to what was typed.
    await openPicker(page);
    await page.getByRole("combobox", { name: "Search tenants" }).fill("dev");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/t\/dev\/resources$/);

    await openPicker(page);
    await page.getByRole("combobox", { name: "Search tenants" }).fill("prod");
    await expect(picker(page).getByRole("status")).toHaveText("No tenant matches “prod”.");
  });
});
