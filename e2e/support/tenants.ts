import { expect, type Page } from "@playwright/test";

/** Creates a tenant on the local infrastructure through the form; returns its name once its page opens. */
export async function createLocalTenant(page: Page, prefix: string): Promise<string> {
  const name = `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/tenants/new");
  const form = page.getByRole("form", { name: "New tenant" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Infrastructure").selectOption({ label: "local (local, local)" });
  await form.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${name}$`));
  return name;
}

/**
 * Turns the tenant's deletion protection off when it is on (a clone of an unprotected tenant is
 * born without it: a click would turn it on) and confirms its deletion in the settings' danger zone.
 */
export async function requestTenantDeletion(page: Page, name: string): Promise<void> {
  await page.goto(`/t/${name}/settings`);
  const protection = page.getByRole("switch", { name: "Deletion protection" });
  if ((await protection.getAttribute("aria-checked")) === "true") await protection.click();
  await expect(protection).toHaveAttribute("aria-checked", "false");
  await page.getByRole("region", { name: "Danger zone" }).getByRole("button", { name: "Delete tenant" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Delete tenant" }).click();
}
