import type { Page } from "@playwright/test";
import { demoAccounts } from "../../lib/demo/demo-accounts";

export const personas = {
  admin: demoAccounts[0],
  alice: demoAccounts[1],
  bob: demoAccounts[2],
  audrey: demoAccounts[3],
  nina: demoAccounts[4],
} as const;
export type Persona = keyof typeof personas;

export const storageStateOf = (persona: Persona) => `test-results/e2e-auth/${persona}.json`;

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The sign-in form's own message (Next's route announcer is also an alert). */
export const formError = (page: Page) => page.locator("form").getByRole("alert");
