import { request as playwrightRequest } from "@playwright/test";
import { builtActions } from "./build-manifest";
import { storageStateOf } from "./personas";

/** Creates a service account as the admin, through its server action, for pages that need one; answers its id. */
export async function createServiceAccountAsAdmin(baseURL: string, name: string): Promise<string> {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const create = builtActions().find((a) => a.name === "createServiceAccount")!;
  const response = await admin.post(create.page, {
    headers: {
      "next-action": create.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseURL,
    },
    data: JSON.stringify([{ name }]),
  });
  const body = await response.text();
  await admin.dispose();
  const id = /"ok":true,"data":\{"id":"([0-9a-f-]{36})"/.exec(body)?.[1];
  if (!id) throw new Error(`Could not create service account ${name}: ${body.slice(0, 200)}`);
  return id;
}
