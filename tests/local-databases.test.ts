import { describe, expect, it } from "vitest";
import type { ResourceRef } from "@/lib/cloud/contract";
import { localDailyCosts } from "@/lib/cloud/local";
import { localAlarms } from "@/lib/cloud/local/alarms";
import { databaseStatus, deletionAttributes, newDatabaseAttributes } from "@/lib/cloud/local/databases";

const at = (iso: string) => new Date(iso);

describe("the local cloud's databases", () => {
  it("go creating → available, and backing-up → deleting → gone, by the clock alone", () => {
    const made = newDatabaseAttributes(
      { engine: "postgres", masterPassword: "secret" },
      "db",
      at("2026-01-01T00:00:00Z"),
      60,
    );
    expect(made).not.toHaveProperty("masterPassword");
    expect(made.endpoint).toBe("db.local-rds.enclave.internal");
    expect(databaseStatus(made, at("2026-01-01T00:00:59Z"))).toBe("creating");
    expect(databaseStatus(made, at("2026-01-01T00:01:00Z"))).toBe("available");
    const going = { ...made, ...deletionAttributes("db", at("2026-01-01T01:00:00Z"), 60, true) };
    expect(databaseStatus(going, at("2026-01-01T01:00:10Z"))).toBe("backing-up");
    expect(databaseStatus(going, at("2026-01-01T01:00:40Z"))).toBe("deleting");
    expect(databaseStatus(going, at("2026-01-01T01:01:00Z"))).toBe("gone");
    const quick = { ...made, ...deletionAttributes("db", at("2026-01-01T01:00:00Z"), 60, false) };
    expect(databaseStatus(quick, at("2026-01-01T01:00:10Z"))).toBe("deleting");
    expect(databaseStatus(quick, at("2026-01-01T01:00:30Z"))).toBe("gone");
  });

  it("cost their instance and storage as Amazon RDS, twice with a Multi-AZ standby", () => {
    const database = (multiAz: boolean): ResourceRef => ({
      kind: "database",
      name: "enclave-dev-orders",
      id: "database-1",
      tenant: "dev",
      attributes: { instanceClass: "db.t4g.micro", storageGiB: 73, multiAz },
      createdAt: "2026-01-01T00:00:00Z",
    });
    const rds = (multiAz: boolean) =>
      localDailyCosts("dev", [database(multiAz)], "2026-01-02", "2026-01-03", at("2026-02-01T00:00:00Z")).find(
        (c) => c.service === "Amazon RDS",
      )?.amount;
    // 24 h of db.t4g.micro ($0.016/h) and 73 GiB of gp3 ($0.115 per GiB-month of 730 h).
    expect(rds(false)).toBeCloseTo(24 * (0.016 + (73 * 0.115) / 730), 4);
    expect(rds(true)).toBeCloseTo(2 * rds(false)!, 4);
  });

  it("raise a free-storage alarm of their own", () => {
    const [alarm] = localAlarms("dev", [{ name: "enclave-dev-orders", kind: "database" }], at("2026-01-01T00:00:00Z"));
    expect(alarm).toMatchObject({
      id: "local:database:enclave-dev-orders",
      name: "Free storage low on enclave-dev-orders",
      resource: "enclave-dev-orders",
    });
  });
});
