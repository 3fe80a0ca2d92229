import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { infrastructures } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { createResourceInput, deleteResourceInput } from "@/lib/resources/resource-input";
import { requestResourceCreation } from "@/lib/resources/request-resource-change";
import { manageableKinds } from "@/lib/resources/manageable-kinds";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant, createUser } from "./helpers/factory";

const orders = { tenant: "dev", kind: "database", name: "orders", engine: "postgres", engineVersion: "16.4" };
const firstIssue = (input: unknown) => createResourceInput.safeParse(input).error?.issues[0]?.message;

describe("database input", () => {
  it.each([
    [{ ...orders, engine: "oracle" }, "Choose an engine: postgres or mysql."],
    [{ ...orders, storageGiB: 10 }, "Storage runs from 20 to 1000 GiB."],
    [{ ...orders, storageGiB: 5000 }, "Storage runs from 20 to 1000 GiB."],
    [{ ...orders, storageGiB: 20.5 }, "Storage is a whole number of GiB."],
    [{ ...orders, engineVersion: "9.6" }, "Choose a version postgres offers: 16.4, 15.8."],
    [{ ...orders, engine: "mysql" }, "Choose a version mysql offers: 8.4.3, 8.0.39."],
    [{ ...orders, name: "my--db" }, "A database name has no two hyphens in a row."],
    [{ ...orders, name: "a-database-name-far-too-long" }, "A database name has at most 24 characters."],
    [{ ...orders, size: "huge" }, "Choose a size: small, medium or large."],
  ])("refuses %o with a message a person can act on", (input, message) => {
    expect(firstIssue(input)).toBe(message);
  });

  it("takes a database with its defaults, and a deletion with a final snapshot", () => {
    expect(createResourceInput.parse({ ...orders, storageGiB: "100" })).toEqual({
      ...orders,
      size: "small",
      storageGiB: 100,
      multiAz: false,
    });
    expect(deleteResourceInput.parse({ tenant: "dev", kind: "database", name: "x", finalSnapshot: true })).toEqual({
      tenant: "dev",
      kind: "database",
      name: "x",
      finalSnapshot: true,
    });
  });
});

describe.each(testDatabases())("databases on a Kubernetes-only infrastructure on $kind", (target) => {
  const database = useDatabase(target);
  const db = () => database().db;

  it("are not offered, and a request for one is refused with the reason", async () => {
    const infra = await createInfrastructure(db());
    await db()
      .update(infrastructures)
      .set({ driver: "kubernetes", config: { kubeconfig: "/nonexistent/kubeconfig" } })
      .where(eq(infrastructures.id, infra.id));
    const tenant = await createTenant(db(), { infrastructureId: infra.id });
    expect(await manageableKinds(db(), infra.id)).toEqual(["service"]);
    const actor = await loadActor(db(), await createUser(db(), { role: "admin" }));
    await expect(
      requestResourceCreation(
        { db: db(), actor, ip: null, tenant },
        createResourceInput.parse({ ...orders, tenant: tenant.name }),
      ),
    ).rejects.toThrow(
      "This tenant's infrastructure is a Kubernetes cluster only, which has no database service; databases need an AWS or local infrastructure.",
    );
  });
});
