#!/usr/bin/env node
// The README's screenshots: a tenant's overview, signed in as the demo admin, in light and dark, on a
// desktop and a phone. Run against a running portal: `npm start`, then `npm run screenshots`.
// BASE_URL picks another portal, OUT_DIR another folder (to compare a build with the last one).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(import.meta.dirname, "..", "docs", "screenshots"));
const tenantPath = process.env.SCREENSHOT_PATH ?? "/t/dev";
const name = process.env.SCREENSHOT_NAME ?? "overview";
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const schemes = ["light", "dark"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
mkdirSync(outDir, { recursive: true });

async function signedInContext(viewport, colorScheme) {
  const context = await browser.newContext({ viewport, colorScheme, baseURL });
  // A first request to a just-started portal compiles nothing but can wait on a busy machine.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@enclave.local");
  await page.getByLabel("Password").fill("enclave-admin-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { context, page };
}

for (const [device, viewport] of Object.entries(viewports)) {
  for (const scheme of schemes) {
    const { context, page } = await signedInContext(viewport, scheme);
    await page.goto(tenantPath);
    // Charts draw after hydration; the picture is of the page a person sees once it has settled.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
    const file = path.join(outDir, `${name}-${device}-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
}
await browser.close();
