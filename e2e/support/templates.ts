import { request as playwrightRequest } from "@playwright/test";
import { builtActions } from "./build-manifest";
import { storageStateOf } from "./personas";

/** Saves a small template as the admin, through its server action (a new version each call), for pages that need one. */
export async function saveTemplateAsAdmin(baseURL: string, name: string): Promise<void> {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const save = builtActions().find((a) => a.name === "saveTemplate")!;
  const response = await admin.post("/admin/templates", {
    headers: {
      "next-action": save.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseURL,
    },
    data: JSON.stringify([{ name, body: JSON.stringify({ infrastructureKind: "local" }) }]),
  });
  const body = await response.text();
  await admin.dispose();
  if (!body.includes('"ok":true')) throw new Error(`Could not save template ${name}: ${body.slice(0, 200)}`);
}
