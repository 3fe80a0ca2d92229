import { DescribeAlarmsCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { PermanentCloudError, TransientCloudError } from "@/lib/cloud/contract";
import { awsError, createMockedAwsDriver } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
});

const arnOf = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`;
const mapping = (name: string, tenant = "acme", extra: Record<string, string> = {}) => ({
  ResourceARN: arnOf(name),
  Tags: Object.entries({ "enclave:tenant": tenant, ...extra }).map(([Key, Value]) => ({ Key, Value })),
});
const metricAlarm = (name: string, fields: Partial<MetricAlarm> = {}): MetricAlarm => ({
  AlarmName: name,
  AlarmArn: arnOf(name),
  StateValue: "OK",
  StateReason: "Threshold Crossed: 1 datapoint [3.0] was not greater than the threshold (80.0).",
  StateUpdatedTimestamp: new Date("2026-11-28T10:05:00Z"),
  StateTransitionedTimestamp: new Date("2026-11-28T10:00:00Z"),
  ...fields,
});
const taggingCalls = () => aws.tagging.commandCalls(GetResourcesCommand).map((call) => call.args[0].input);
const describeCalls = () => aws.cloudwatch.commandCalls(DescribeAlarmsCommand).map((call) => call.args[0].input);
const acmeAlarmFilter = {
  ResourceTypeFilters: ["cloudwatch:alarm"],
  TagFilters: [{ Key: "enclave:tenant", Values: ["acme"] }],
};

describe("aws driver: listAlarms", () => {
  it("finds the tenant's alarms by tag on every page, describes them across pages and maps each", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolvesOnce({
        ResourceTagMappingList: [mapping("acme-cpu", "acme", { "enclave:severity": "critical" })],
        PaginationToken: "tags-2",
      })
      .resolvesOnce({
        ResourceTagMappingList: [
          mapping("acme-5xx", "acme", { "enclave:severity": "Info" }),
          mapping("acme:disk"),
          mapping("acme-health", "acme", { "enclave:severity": "urgent" }),
        ],
        PaginationToken: "",
      });
    aws.cloudwatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          metricAlarm("acme-cpu", {
            StateValue: "ALARM",
            StateReason: "CPU above 80%",
            Dimensions: [
              { Name: "AutoScalingGroupName", Value: "asg" },
              { Name: "InstanceId", Value: "i-0abc" },
            ],
          }),
          metricAlarm("acme-5xx", {
            Dimensions: [
              { Name: "TargetGroup", Value: "tg/web/1" },
              { Name: "LoadBalancer", Value: "app/web/50dc6c49" },
            ],
          }),
        ],
        NextToken: "alarms-2",
      })
      .resolvesOnce({
        MetricAlarms: [
          metricAlarm("acme:disk", {
            StateValue: "INSUFFICIENT_DATA",
            StateTransitionedTimestamp: undefined,
            Metrics: [
              {
                Id: "m1",
                MetricStat: {
                  Metric: {
                    Namespace: "CWAgent",
                    MetricName: "disk_used_percent",
                    Dimensions: [{ Name: "path", Value: "/" }],
                  },
                  Period: 60,
                  Stat: "Average",
                },
              },
            ],
          }),
        ],
        CompositeAlarms: [
          {
            AlarmName: "acme-health",
            AlarmArn: arnOf("acme-health"),
            StateValue: "ALARM",
            StateReason: "acme-cpu in ALARM",
            StateTransitionedTimestamp: new Date("2026-11-28T09:00:00Z"),
          },
        ],
      });

    const alarms = await aws.driver.listAlarms!("acme");

    expect(alarms).toEqual([
      {
        id: arnOf("acme-cpu"),
        name: "acme-cpu",
        state: "alarm",
        severity: "critical",
        resource: "i-0abc",
        reason: "CPU above 80%",
        since: "2026-11-28T10:00:00.000Z",
      },
      {
        id: arnOf("acme-5xx"),
        name: "acme-5xx",
        state: "ok",
        severity: "info",
        resource: "app/web/50dc6c49",
        reason: metricAlarm("x").StateReason,
        since: "2026-11-28T10:00:00.000Z",
      },
      {
        id: arnOf("acme:disk"),
        name: "acme:disk",
        state: "insufficient_data",
        severity: "warning",
        resource: "/",
        reason: metricAlarm("x").StateReason,
        since: "2026-11-28T10:05:00.000Z",
      },
      {
        id: arnOf("acme-health"),
        name: "acme-health",
        state: "alarm",
        severity: "warning",
        resource: null,
        reason: "acme-cpu in ALARM",
        since: "2026-11-28T09:00:00.000Z",
      },
    ]);
    expect(taggingCalls()).toEqual([
      { ...acmeAlarmFilter, PaginationToken: undefined },
      { ...acmeAlarmFilter, PaginationToken: "tags-2" },
    ]);
    const request = {
      AlarmNames: ["acme-cpu", "acme-5xx", "acme:disk", "acme-health"],
      AlarmTypes: ["MetricAlarm", "CompositeAlarm"],
    };
    expect(describeCalls()).toEqual([
      { ...request, NextToken: undefined },
      { ...request, NextToken: "alarms-2" },
    ]);
  });

  it("describes more than 100 alarms in chunks of 100", async () => {
    const names = Array.from({ length: 250 }, (_, index) => `acme-alarm-${index}`);
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: names.map((name) => mapping(name)) });
    aws.cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => ({
      MetricAlarms: input.AlarmNames.map((name) => metricAlarm(name)),
    }));

    const alarms = await aws.driver.listAlarms!("acme");

    expect(alarms.map((alarm) => alarm.name)).toEqual(names);
    expect(describeCalls().map((input) => input.AlarmNames)).toEqual([
      names.slice(0, 100),
      names.slice(100, 200),
      names.slice(200),
    ]);
  });

  it("drops an alarm whose tags name another tenant, and one the tagging API did not return", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        mapping("acme-cpu"),
        mapping("globex-cpu", "globex"),
        { ResourceARN: arnOf("untagged"), Tags: [] },
      ],
    });
    aws.cloudwatch
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [metricAlarm("acme-cpu"), metricAlarm("globex-cpu"), metricAlarm("untagged")] });

    const alarms = await aws.driver.listAlarms!("acme");

    expect(alarms.map((alarm) => alarm.name)).toEqual(["acme-cpu"]);
    expect(describeCalls().map((input) => input.AlarmNames)).toEqual([["acme-cpu"]]);
  });

  it("names the database an RDS alarm watches by its DBInstanceIdentifier dimension", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [mapping("acme-db-cpu")] });
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        metricAlarm("acme-db-cpu", {
          Namespace: "AWS/RDS",
          Dimensions: [
            { Name: "Role", Value: "WRITER" },
            { Name: "DBInstanceIdentifier", Value: "enclave-acme-main" },
          ],
        }),
      ],
    });

    const [alarm] = await aws.driver.listAlarms!("acme");

    expect(alarm).toMatchObject({ name: "acme-db-cpu", resource: "enclave-acme-main" });
  });

  it("returns no alarms without describing any when the tenant has none", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });

    expect(await aws.driver.listAlarms!("acme")).toEqual([]);
    expect(describeCalls()).toEqual([]);
  });

  it("refuses an empty tenant name before any call", async () => {
    await expect(aws.driver.listAlarms!("")).rejects.toBeInstanceOf(PermanentCloudError);
    expect(taggingCalls()).toEqual([]);
  });

  it("reports throttling as worth retrying", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [mapping("acme-cpu")] });
    aws.cloudwatch.on(DescribeAlarmsCommand).rejects(awsError("Throttling"));

    await expect(aws.driver.listAlarms!("acme")).rejects.toBeInstanceOf(TransientCloudError);
  });
});
