import {
  DataUnavailableException,
  GetCostAndUsageCommand,
  LimitExceededException,
  type ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAwsClients } from "@/lib/cloud/aws/clients";
import { PermanentCloudError, TransientCloudError } from "@/lib/cloud/contract";
import { createMockedAwsDriver, exceptionOptions } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-28T12:00:00Z"));
  aws = createMockedAwsDriver();
});
afterEach(() => {
  vi.useRealTimers();
});

const acmeFilter = { Tags: { Key: "enclave:tenant", Values: ["acme"], MatchOptions: ["EQUALS"] } };
const costCalls = () => aws.costExplorer.commandCalls(GetCostAndUsageCommand).map((call) => call.args[0].input);
/** One day of ResultsByTime, grouped by service as Cost Explorer answers it (amounts are strings). */
const day = (start: string, end: string, groups: Record<string, string>): ResultByTime => ({
  TimePeriod: { Start: start, End: end },
  Total: {},
  Groups: Object.entries(groups).map(([service, Amount]) => ({
    Keys: [service],
    Metrics: { UnblendedCost: { Amount, Unit: "USD" } },
  })),
  Estimated: false,
});

describe("aws driver: readDailyCosts", () => {
  it("asks for the tenant's tag only, daily and by service, on every page, and merges the pages", async () => {
    aws.costExplorer
      .on(GetCostAndUsageCommand)
      .resolvesOnce({
        ResultsByTime: [
          day("2026-11-01", "2026-11-02", {
            "Amazon Elastic Compute Cloud - Compute": "1.2345",
            "Amazon Simple Storage Service": "0",
          }),
        ],
        NextPageToken: "page-2",
      })
      // The same day continues on the next page with other services.
      .resolvesOnce({
        ResultsByTime: [
          day("2026-11-01", "2026-11-02", { AmazonCloudWatch: "0.5" }),
          day("2026-11-02", "2026-11-03", { "Amazon Simple Storage Service": "0.0000001" }),
        ],
        NextPageToken: "page-3",
      })
      .resolvesOnce({
        ResultsByTime: [
          day("2026-11-03", "2026-11-04", { "AWS Key Management Service": "3", AmazonCloudWatch: "0.0000000000" }),
        ],
      });

    const costs = await aws.driver.readDailyCosts!("acme", "2026-11-01", "2026-11-04");

    expect(costs).toEqual([
      { day: "2026-11-01", service: "Amazon Elastic Compute Cloud - Compute", amount: 1.2345 },
      { day: "2026-11-01", service: "AmazonCloudWatch", amount: 0.5 },
      { day: "2026-11-02", service: "Amazon Simple Storage Service", amount: 0.0000001 },
      { day: "2026-11-03", service: "AWS Key Management Service", amount: 3 },
    ]);
    const request = {
      TimePeriod: { Start: "2026-11-01", End: "2026-11-04" },
      Granularity: "DAILY",
      Metrics: ["UnblendedCost"],
      GroupBy: [{ Type: "DIMENSION", Key: "SERVICE" }],
      Filter: acmeFilter,
    };
    expect(costCalls()).toEqual([
      { ...request, NextPageToken: undefined },
      { ...request, NextPageToken: "page-2" },
      { ...request, NextPageToken: "page-3" },
    ]);
  });

  it("keeps RDS as its own service, apart from EC2 and the KMS key that encrypts it", async () => {
    aws.costExplorer.on(GetCostAndUsageCommand).resolves({
      ResultsByTime: [
        day("2026-11-01", "2026-11-02", {
          "Amazon Relational Database Service": "0.4128",
          "Amazon Elastic Compute Cloud - Compute": "1",
          "AWS Key Management Service": "0.0333",
        }),
      ],
    });

    const costs = await aws.driver.readDailyCosts!("acme", "2026-11-01", "2026-11-02");

    expect(costs).toContainEqual({ day: "2026-11-01", service: "Amazon Relational Database Service", amount: 0.4128 });
    expect(costs).toHaveLength(3);
  });

  it("refuses an empty tenant name before any call, so no read is ever unfiltered", async () => {
    await expect(aws.driver.readDailyCosts!("", "2026-11-01", "2026-11-04")).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
    await expect(aws.driver.readDailyCosts!("  ", "2026-11-01", "2026-11-04")).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
    expect(costCalls()).toEqual([]);
  });

  it("refuses days that are not YYYY-MM-DD dates", async () => {
    await expect(aws.driver.readDailyCosts!("acme", "2026-11-1", "2026-11-04")).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
    await expect(aws.driver.readDailyCosts!("acme", "2026-02-30", "2026-03-04")).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
    expect(costCalls()).toEqual([]);
  });

  it("clamps the window to the 12 months Cost Explorer keeps and to today, and skips a window outside them", async () => {
    aws.costExplorer.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });

    await aws.driver.readDailyCosts!("acme", "2024-01-01", "2027-01-01");
    expect(await aws.driver.readDailyCosts!("acme", "2024-01-01", "2025-10-31")).toEqual([]);
    expect(await aws.driver.readDailyCosts!("acme", "2026-12-01", "2026-12-31")).toEqual([]);

    expect(costCalls().map((input) => input.TimePeriod)).toEqual([{ Start: "2025-11-01", End: "2026-11-29" }]);
    expect(costCalls()[0]?.Filter).toEqual(acmeFilter);
  });

  it("returns no costs when Cost Explorer has no data yet", async () => {
    aws.costExplorer
      .on(GetCostAndUsageCommand)
      .rejects(new DataUnavailableException(exceptionOptions("Data is not available.")));
    expect(await aws.driver.readDailyCosts!("acme", "2026-11-01", "2026-11-04")).toEqual([]);
  });

  it("reports Cost Explorer's rate limit as worth retrying", async () => {
    aws.costExplorer.on(GetCostAndUsageCommand).rejects(new LimitExceededException(exceptionOptions("Rate exceeded.")));
    await expect(aws.driver.readDailyCosts!("acme", "2026-11-01", "2026-11-04")).rejects.toBeInstanceOf(
      TransientCloudError,
    );
  });

  it("creates the Cost Explorer client in us-east-1 whatever the infrastructure's region", async () => {
    expect(await createAwsClients("eu-west-1").costExplorer.config.region()).toBe("us-east-1");
    expect(await createAwsClients("cn-north-1").costExplorer.config.region()).toBe("cn-northwest-1");
  });
});
