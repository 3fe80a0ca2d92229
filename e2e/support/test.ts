import { test as base, type Page } from "@playwright/test";

/**
 * A page is server-rendered before React attaches its handlers; on a loaded machine a click can
 * land in between and do nothing. Navigations here return once the page is interactive.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export function waitingForHydration(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const settle = async (response: Awaited<ReturnType<Page["goto"]>>) => {
    if (response?.headers()["content-type"]?.startsWith("text/html")) await hydrated(page);
    return response;
  };
  page.goto = async (url, options) => settle(await goto(url, options));
  page.reload = async (options) => settle(await reload(options));
  return page;
}

export const test = base.extend({
  page: async ({ page }, provide) => {
    await provide(waitingForHydration(page));
  },
});

export { expect, request, type APIRequestContext, type Page } from "@playwright/test";
