import { expect, test, type Page } from "./support/test";
import { personas, storageStateOf, type Persona } from "./support/personas";

// Issue 14, defect 1: at 390 px the side navigation was hidden with nothing in its place, and the
// header overflowed and pushed Sign out off-screen.
const phone = { width: 390, height: 844 };
const home: Record<Persona, string> = {
  admin: "/t/stage/logs",
  alice: "/t/dev/logs",
  bob: "/t/stage/logs",
  audrey: "/t/prod/logs",
  nina: "/tenants",
};

async function overflow(page: Page) {
  return page.evaluate(() => ({
    document: document.documentElement.scrollWidth - window.innerWidth,
    header:
      Math.max(...[...document.querySelectorAll("header *")].map((e) => e.getBoundingClientRect().right)) -
      window.innerWidth,
  }));
}

for (const persona of Object.keys(personas) as Persona[]) {
  test.describe(`${persona} on a phone`, () => {
    test.use({ storageState: storageStateOf(persona), viewport: phone });

    // Issue 14 defect 1
    test("the header fits, and a menu gives the navigation, account and sign-out", async ({ page }) => {
      await page.goto(home[persona]);
      const fits = await overflow(page);
      expect(fits.document, "page wider than the screen").toBeLessThanOrEqual(0);
      expect(fits.header, "header content past the right edge").toBeLessThanOrEqual(0);

      const trigger = page.getByRole("button", { name: "Open menu" });
      await trigger.click();
      const menu = page.getByRole("dialog", { name: "Enclave" });
      await expect(menu.getByRole("link", { name: "All tenants" })).toBeVisible();
      await expect(menu.getByRole("button", { name: "Sign out" })).toBeInViewport();
      await expect(menu.getByRole("link", { name: "Account", exact: true })).toBeInViewport();
      await expect(menu.getByRole("link", { name: "Users", exact: true })).toHaveCount(
        persona === "admin" || persona === "audrey" ? 1 : 0,
      );
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(trigger).toBeFocused();

      if (home[persona] === "/tenants") return;
      const tenant = home[persona].split("/")[2]!;
      await trigger.click();
      await menu.getByRole("link", { name: "Resources" }).click();
      await expect(page).toHaveURL(new RegExp(`/t/${tenant}/resources$`));
      await expect(menu).toBeHidden();
      await expect(page.getByRole("heading", { name: "Resources", level: 1 })).toBeVisible();
    });
  });
}

test.describe("a read user reading logs on a phone", () => {
  test.use({ storageState: storageStateOf("bob"), viewport: phone });

  // Issue 14 defect 1
  test("sees each log message whole, without scrolling the table sideways", async ({ page }) => {
    await page.goto("/t/dev/logs?range=24h");
    const table = page.getByRole("table", { name: "Log lines" });
    const message = table.getByRole("row").nth(1).getByRole("cell").last();
    await expect(message).not.toBeEmpty();
    const fit = await message.evaluate((cell) => {
      let scroller = cell.parentElement;
      while (scroller && scroller.scrollWidth <= scroller.clientWidth) scroller = scroller.parentElement;
      return {
        cellRight: cell.getBoundingClientRect().right - window.innerWidth,
        clipped: scroller ? `${scroller.tagName}.${scroller.className}` : null,
      };
    });
    expect(fit.cellRight, "message column past the right edge").toBeLessThanOrEqual(0);
    expect(fit.clipped, "an element the table scrolls sideways in").toBeNull();
  });
});
