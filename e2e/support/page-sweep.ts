import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type Scheme = "light" | "dark";
export type Finding = { page: string; check: string; detail: string };

const wcagAA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// axe is injected on every run: the minified build parses faster, and legacy mode runs in the page
// itself instead of finishing in a second, blank page (these pages have no iframes to merge).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical WCAG A/AA violations on the page as it is now, one finding per element. */
export async function axeFindings(page: Page, where: string): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page, axeSource }).setLegacyMode().withTags(wcagAA).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.slice(0, 8).map((node) => {
        const contrast = node.any.find((c) => c.id === "color-contrast")?.data;
        return {
          page: where,
          check: `${v.id} (${v.impact})`,
          detail: `${node.target.join(" ")}${contrast ? ` ${contrast.fgColor} on ${contrast.bgColor} is ${contrast.contrastRatio}:1` : ""}`,
        };
      }),
    );
}

/** The outermost elements that reach past the right edge, when the document is wider than the window. */
export async function overflowFindings(page: Page, where: string): Promise<Finding[]> {
  const culprits = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return null;
    const past = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).slice(0, 4).join(".") : ""}`;
    return [...document.body.querySelectorAll("*")]
      .filter((e) => past(e) && e.parentElement && !past(e.parentElement))
      .slice(0, 5)
      .map(name);
  });
  return culprits === null
    ? []
    : [{ page: where, check: "horizontal overflow", detail: culprits.join(" | ") || "(no single element)" }];
}

/**
 * Switches the system colour scheme; next-themes follows it (the theme is "system" unless toggled).
 * Returns once the class is on <html> and the page's colours have actually changed.
 */
export async function switchScheme(page: Page, scheme: Scheme) {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const before = await background();
  await page.emulateMedia({ colorScheme: scheme });
  const html = page.locator("html");
  await (scheme === "dark" ? expect(html).toHaveClass(/\bdark\b/) : expect(html).not.toHaveClass(/\bdark\b/));
  await expect.poll(background).not.toBe(before);
}

export const currentScheme = async (page: Page): Promise<Scheme> =>
  (await page.locator("html").getAttribute("class"))?.split(/\s+/).includes("dark") ? "dark" : "light";

/** Findings grouped by check and by the pages they were seen on, so a shell problem reads once. */
export function describeFindings(findings: Finding[]): string {
  const pagesOf = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${f.check}\n${f.detail}`;
    pagesOf.set(key, [...(pagesOf.get(key) ?? []), f.page]);
  }
  const elementsOf = new Map<string, string[]>();
  for (const [key, pages] of pagesOf) {
    const [check, detail] = key.split("\n");
    const heading = `${check} on ${pages.join(", ")}`;
    elementsOf.set(heading, [...(elementsOf.get(heading) ?? []), detail!]);
  }
  return [...elementsOf]
    .map(([heading, details]) => `- ${heading}\n${details.map((d) => `    ${d}`).join("\n")}`)
    .join("\n");
}
