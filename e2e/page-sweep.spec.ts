import { expect, test, type Page } from "./support/test";
import { routePolicy } from "../lib/auth/route-policy";
import { expectedAllowed, type MatrixPersona } from "./support/expected-access";
import { storageStateOf, type Persona } from "./support/personas";
import { createServiceAccountAsAdmin } from "./support/service-accounts";
import { saveTemplateAsAdmin } from "./support/templates";
import {
  axeFindings,
  currentScheme,
  describeFindings,
  overflowFindings,
  switchScheme,
  type Finding,
} from "./support/page-sweep";

// Issue 14: every page, for every persona, at both sizes, in both colour schemes: nothing wider
// than the screen, the navigation reachable, and no serious or critical axe violation.
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

// Each persona reads the tenant its grants (or role) let it read; "A" in the expected-access matrix.
const sweepers = {
  "signed out": { matrix: "anonymous", tenant: null },
  admin: { matrix: "admin", tenant: "stage" },
  alice: { matrix: "write on A", tenant: "dev" },
  bob: { matrix: "read on A", tenant: "stage" },
  audrey: { matrix: "auditor", tenant: "prod" },
  nina: { matrix: "no grant", tenant: null },
} as const satisfies Record<Persona | "signed out", { matrix: MatrixPersona; tenant: string | null }>;
type Sweeper = keyof typeof sweepers;

// Pages that only redirect elsewhere.
const redirects = new Set(["/", "/admin"]);
// Scalar's API reference and its script: another application's page, without the portal's shell (e2e/api-reference.spec.ts).
const notPortalPages = new Set(["/api-reference", "/api-reference/scalar.js"]);

/** The page routes this persona may open, with their dynamic segments filled by real ids. */
async function pagesOf(page: Page, who: Sweeper, baseURL: string): Promise<string[]> {
  const { matrix, tenant } = sweepers[who];
  const routes = Object.entries(routePolicy).filter(
    ([route, access]) =>
      !route.startsWith("/api/") &&
      !redirects.has(route) &&
      !notPortalPages.has(route) &&
      (route === "/login") === (matrix === "anonymous") &&
      expectedAllowed(matrix, access, "A") &&
      (tenant !== null || !route.includes("[tenant]")),
  );
  const fill = async (route: string) => {
    let path = route;
    if (tenant) path = path.replace("[tenant]", tenant);
    if (path.includes("[kind]/[name]")) {
      const { resources } = await (await page.request.get(`/api/t/${tenant}/resources`)).json();
      const first = resources[0] as { kind: string; name: string };
      path = path.replace("[kind]/[name]", `${first.kind}/${encodeURIComponent(first.name)}`);
    }
    if (path.includes("templates/[name]")) {
      await saveTemplateAsAdmin(baseURL, "sweep-template");
      path = path.replace("[name]", "sweep-template");
    }
    if (path.includes("service-accounts/[id]"))
      path = path.replace("[id]", await createServiceAccountAsAdmin(baseURL, "sweep pipeline"));
    if (path.includes("[id]")) {
      const { users } = await (await page.request.get("/api/admin/users?q=alice")).json();
      path = path.replace("[id]", users[0].id);
    }
    return path;
  };
  return Promise.all(routes.map(([route]) => fill(route)));
}

async function settled(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
}

async function navigationFindings(page: Page, path: string, phone: boolean): Promise<Finding[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  const allTenants = page.locator('nav[aria-label="Main"] a[href="/tenants"]');
  const reachable = phone ? (await allTenants.count()) > 0 : await nav.isVisible();
  return reachable ? [] : [{ page: path, check: "navigation", detail: "the main navigation is missing" }];
}

/** On a phone the navigation is behind the menu button: open it, check its links, sweep it too. */
async function mobileMenuFindings(page: Page, path: string): Promise<Finding[]> {
  await page.getByRole("button", { name: "Open menu" }).click();
  const menu = page.getByRole("dialog", { name: "Enclave" });
  await expect(menu.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All tenants" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  const findings = await axeFindings(page, `${path} (menu open)`);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  return findings;
}

/** The header's pop-ups are not in any page's markup until opened: sweep them open once. */
async function popupFindings(page: Page, path: string): Promise<Finding[]> {
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog").filter({ has: page.getByRole("combobox") });
  await expect(palette.getByRole("option").first()).toBeVisible();
  const findings = await axeFindings(page, `${path} (search open)`);
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await page.getByRole("button", { name: /^Tenant / }).click();
  const picker = page.getByRole("dialog", { name: "Switch tenant" });
  await expect(picker.getByRole("combobox", { name: "Search tenants" })).toBeFocused();
  findings.push(...(await axeFindings(page, `${path} (tenant picker open)`)));
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  return findings;
}

for (const who of Object.keys(sweepers) as Sweeper[])
  for (const [size, viewport] of Object.entries(viewports))
    test.describe(`${who} at ${size} size`, () => {
      test.use({
        storageState: who === "signed out" ? { cookies: [], origins: [] } : storageStateOf(who),
        viewport,
        colorScheme: "light",
      });

      test("every page fits, reaches the navigation, and has no serious accessibility violation", async ({
        page,
        baseURL,
      }) => {
        const paths = await pagesOf(page, who, baseURL!);
        test.setTimeout(60_000 + paths.length * 25_000);
        const findings: Finding[] = [];
        for (const [index, path] of paths.entries()) {
          await settled(page, path);
          findings.push(...(await overflowFindings(page, path)));
          if (who !== "signed out") findings.push(...(await navigationFindings(page, path, size === "phone")));
          if (who !== "signed out" && size === "phone" && index < 2)
            findings.push(...(await mobileMenuFindings(page, path)));
          if (who !== "signed out" && size === "desktop" && index < 2)
            findings.push(...(await popupFindings(page, path)));
          // Each page is swept in the scheme it loaded in, then in the other; the next page loads in that one.
          const first = await currentScheme(page);
          findings.push(...(await axeFindings(page, `${path} ${first}`)));
          const second = first === "light" ? "dark" : "light";
          await switchScheme(page, second);
          findings.push(...(await axeFindings(page, `${path} ${second}`)));
        }
        expect(findings.length, `problems found:\n${describeFindings(findings)}\n`).toBe(0);
      });
    });
