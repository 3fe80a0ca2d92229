import { expect, test as setup } from "./support/test";
import { personas, signIn, storageStateOf, type Persona } from "./support/personas";

for (const persona of Object.keys(personas) as Persona[]) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    const account = personas[persona];
    await page.goto("/login");
    await signIn(page, account.email, account.password);
    await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(persona) });
  });
}
