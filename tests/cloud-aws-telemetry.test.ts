import { GetMetricDataCommand, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import {
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insightsTiming } from "@/lib/cloud/aws/insights-queries";
import { PermanentCloudError, TransientCloudError, type CloudLogQuery } from "@/lib/cloud/contract";
import { awsError, createMockedAwsDriver } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
const timing = { ...insightsTiming };
beforeEach(() => {
  aws = createMockedAwsDriver();
  aws.logs.on(StartQueryCommand).resolves({ queryId: "q-1" });
});
afterEach(() => {
  Object.assign(insightsTiming, timing);
});

const from = new Date("2026-11-28T10:00:00Z");
const to = new Date("2026-11-28T11:00:00Z");
const window: CloudLogQuery = { from, to, limit: 50 };
/** A row as GetQueryResults returns it. */
const row = (time: string, group: string, message: string, stream = "i-0abc") => [
  { field: "@timestamp", value: time },
  { field: "@message", value: message },
  { field: "@log", value: `123456789012:${group}` },
  { field: "@logStream", value: stream },
];
const answer = (...rows: ReturnType<typeof row>[]) =>
  aws.logs.on(GetQueryResultsCommand).resolves({ status: "Complete", results: rows });
const startedQueries = () => aws.logs.commandCalls(StartQueryCommand).map((call) => call.args[0].input);
const acmeGroups = (...names: string[]) =>
  aws.logs
    .on(DescribeLogGroupsCommand, { logGroupNamePrefix: "/enclave/acme/" })
    .resolves({ logGroups: names.map((logGroupName) => ({ logGroupName })) });

describe("aws driver: readLogs", () => {
  it("queries exactly the tenant's log groups, following DescribeLogGroups pages, newest first", async () => {
    aws.logs
      .on(DescribeLogGroupsCommand, { logGroupNamePrefix: "/enclave/acme/" })
      .resolvesOnce({ logGroups: [{ logGroupName: "/enclave/acme/web" }], nextToken: "groups-2" })
      .resolvesOnce({ logGroups: [{ logGroupName: "/enclave/acme/api" }, { logGroupName: "/enclave/globex/db" }] });
    aws.logs
      .on(DescribeLogGroupsCommand, { logGroupNamePrefix: "/enclave/globex/" })
      .resolves({ logGroups: [{ logGroupName: "/enclave/globex/web" }] });
    answer(
      row("2026-11-28 10:30:00.250", "/enclave/acme/web", '{"level":"error","msg":"upstream timed out"}'),
      row("2026-11-28 10:20:00.000", "/enclave/acme/api", "WARNING disk 91% full\n"),
      row("2026-11-28 10:10:00.000", "/enclave/acme/api", "GET /health 200"),
    );

    const page = await aws.driver.readLogs!("acme", window);

    expect(page).toEqual({
      lines: [
        {
          at: "2026-11-28T10:30:00.250Z",
          level: "error",
          resource: "web",
          message: '{"level":"error","msg":"upstream timed out"}',
        },
        { at: "2026-11-28T10:20:00.000Z", level: "warn", resource: "api", message: "WARNING disk 91% full" },
        { at: "2026-11-28T10:10:00.000Z", level: "info", resource: "api", message: "GET /health 200" },
      ],
      nextCursor: null,
    });
    const described = aws.logs.commandCalls(DescribeLogGroupsCommand).map((call) => call.args[0].input);
    expect(described).toEqual([
      { logGroupNamePrefix: "/enclave/acme/", nextToken: undefined },
      { logGroupNamePrefix: "/enclave/acme/", nextToken: "groups-2" },
    ]);
    expect(startedQueries()).toEqual([
      {
        logGroupNames: ["/enclave/acme/web", "/enclave/acme/api"],
        startTime: from.getTime() / 1000,
        endTime: to.getTime() / 1000,
        queryString: `fields @timestamp, @message, @log, @logStream | filter toMillis(@timestamp) >= ${from.getTime()} and toMillis(@timestamp) <= ${to.getTime()} | sort @timestamp desc | limit 51`,
      },
    ]);
  });

  it("keeps quotes, pipes and regex characters of the user's text out of the query and matches the text exactly itself", async () => {
    acmeGroups("/enclave/acme/web");
    answer(
      row("2026-11-28 10:30:00.000", "/enclave/acme/web", 'ERROR user said: a" | filter /.*/ or x'),
      row("2026-11-28 10:20:00.000", "/enclave/acme/web", "ERROR a filter or x, in other words"),
    );
    const text = 'a" | filter /.*/ or x';

    const page = await aws.driver.readLogs!("acme", { ...window, text, level: "error" });

    expect(page.lines.map((line) => line.message)).toEqual(['ERROR user said: a" | filter /.*/ or x']);
    const queryString = startedQueries()[0]?.queryString ?? "";
    const [, filter] = queryString.split(" | ");
    expect(filter).toBe(
      `filter toMillis(@timestamp) >= ${from.getTime()} and toMillis(@timestamp) <= ${to.getTime()} and @message like /(?i)a/ and @message like /(?i)filter/ and @message like /(?i)or/ and @message like /(?i)x/ and @message like /(?i)(error|fatal|critical)/`,
    );
    expect(queryString.split(" | ")).toHaveLength(4);
    expect(queryString).not.toMatch(/["'.*]/);
  });

  it("narrows to one resource's group, and answers empty, without a query, for an unknown resource or a tenant without logs", async () => {
    acmeGroups("/enclave/acme/web", "/enclave/acme/api");
    answer(row("2026-11-28 10:30:00.000", "/enclave/acme/api", "INFO ready"));

    await expect(aws.driver.readLogs!("acme", { ...window, resource: "api" })).resolves.toMatchObject({
      lines: [{ resource: "api", message: "INFO ready" }],
    });
    expect(startedQueries().map((query) => query.logGroupNames)).toEqual([["/enclave/acme/api"]]);

    await expect(aws.driver.readLogs!("acme", { ...window, resource: "../globex/web" })).resolves.toEqual({
      lines: [],
      nextCursor: null,
    });
    aws.logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
    await expect(aws.driver.readLogs!("acme", window)).resolves.toEqual({ lines: [], nextCursor: null });
    expect(startedQueries()).toHaveLength(1);
  });

  it("continues from the cursor with strictly older lines, without repeating or skipping lines of the same millisecond", async () => {
    acmeGroups("/enclave/acme/web");
    const [c, b1, b2, a] = [
      row("2026-11-28 10:00:03.000", "/enclave/acme/web", "c"),
      row("2026-11-28 10:00:02.000", "/enclave/acme/web", "b1"),
      row("2026-11-28 10:00:02.000", "/enclave/acme/web", "b2"),
      row("2026-11-28 10:00:01.000", "/enclave/acme/web", "a"),
    ];
    aws.logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: "Complete", results: [c, b1, b2] })
      .resolvesOnce({ status: "Complete", results: [b2, b1, a] });

    const first = await aws.driver.readLogs!("acme", { ...window, limit: 2 });
    expect(first.lines.map((line) => line.message)).toEqual(["c", "b1"]);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);

    const second = await aws.driver.readLogs!("acme", { ...window, limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ lines: [{ message: "b2" }, { message: "a" }], nextCursor: null });
    const b = Date.parse("2026-11-28T10:00:02Z");
    expect(startedQueries()[1]).toMatchObject({
      endTime: b / 1000,
      queryString: expect.stringContaining(`toMillis(@timestamp) <= ${b} | sort @timestamp desc | limit 4`),
    });

    await expect(aws.driver.readLogs!("acme", { ...window, cursor: "not-ours" })).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
  });

  it("polls a running query until it completes, and stops one that outlives its bounded wait", async () => {
    acmeGroups("/enclave/acme/web");
    Object.assign(insightsTiming, { firstPollMs: 5, maxPollMs: 20, deadlineMs: 200 });
    aws.logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: "Scheduled" })
      .resolvesOnce({ status: "Running" })
      .resolvesOnce({ status: "Complete", results: [row("2026-11-28 10:00:00.000", "/enclave/acme/web", "done")] })
      .resolves({ status: "Running" });

    await expect(aws.driver.readLogs!("acme", window)).resolves.toMatchObject({ lines: [{ message: "done" }] });
    expect(aws.logs.commandCalls(GetQueryResultsCommand)).toHaveLength(3);

    await expect(aws.driver.readLogs!("acme", window)).rejects.toBeInstanceOf(TransientCloudError);
    expect(aws.logs.commandCalls(StopQueryCommand).map((call) => call.args[0].input)).toEqual([{ queryId: "q-1" }]);
  });

  it("splits more than 50 log groups over several queries, and takes no line past what a cut-off query may still hide", async () => {
    acmeGroups(...Array.from({ length: 60 }, (_, index) => `/enclave/acme/svc-${index}`));
    aws.logs.on(StartQueryCommand).callsFake((input: { logGroupNames: string[] }) => ({
      queryId: input.logGroupNames.length === 50 ? "q-first" : "q-rest",
    }));
    // The first 50 groups fill the batch with lines the level filter drops; the rest hold one older error.
    const newest = Date.parse("2026-11-28T10:00:50.999Z");
    const infoLines = Array.from({ length: 1000 }, (_, index) =>
      row(new Date(newest - index).toISOString().replace("T", " ").slice(0, -1), "/enclave/acme/svc-0", "INFO ok"),
    );
    aws.logs
      .on(GetQueryResultsCommand, { queryId: "q-first" })
      .resolvesOnce({ status: "Complete", results: infoLines })
      .resolves({ status: "Complete", results: [] });
    aws.logs.on(GetQueryResultsCommand, { queryId: "q-rest" }).resolves({
      status: "Complete",
      results: [row("2026-11-28 10:00:01.000", "/enclave/acme/svc-59", "ERROR rest-old")],
    });

    const page = await aws.driver.readLogs!("acme", { ...window, level: "error", limit: 1 });

    expect(page).toMatchObject({ lines: [{ message: "ERROR rest-old", resource: "svc-59" }], nextCursor: null });
    expect(startedQueries().map((query) => query.logGroupNames?.length)).toEqual([50, 10, 50, 10]);
    expect(
      startedQueries()
        .flatMap((query) => query.logGroupNames)
        .every((name) => name?.startsWith("/enclave/acme/")),
    ).toBe(true);
    expect(startedQueries()[2]?.queryString).toContain(`toMillis(@timestamp) <= ${newest - 999} `);
  });
});

describe("aws driver: readMetrics", () => {
  const tenantTag = { Key: "enclave:tenant", Value: "acme" };
  const instance = (id: string, name?: string, tenant = tenantTag) => ({
    ResourceARN: `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`,
    Tags: name ? [tenant, { Key: "Name", Value: name }] : [tenant],
  });
  const balancer = (path: string) => ({
    ResourceARN: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/${path}`,
    Tags: [tenantTag],
  });
  const at = (time: string) => new Date(`2026-11-28T${time}Z`);
  const metricQuery = { from, to: at("10:15:00"), bucketSeconds: 300 };
  const metricCalls = () => aws.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input);
  const everyMetricQuery = () => metricCalls().flatMap((input) => input.MetricDataQueries ?? []);
  /** Answers each query id with the points given for its dimension value, whatever order the ids come in. */
  const answerByDimension =
    (points: Record<string, [string, number][]>, NextToken?: string) =>
    (input: { MetricDataQueries: { Id: string; MetricStat: { Metric: { Dimensions: { Value: string }[] } } }[] }) => ({
      NextToken,
      MetricDataResults: input.MetricDataQueries.map((query): MetricDataResult => {
        const series = points[query.MetricStat.Metric.Dimensions[0]!.Value] ?? [];
        return {
          Id: query.Id,
          Timestamps: series.map(([time]) => at(time)),
          Values: series.map(([, value]) => value),
          StatusCode: "Complete",
        };
      }),
    });

  it("averages cpu over the tenant's instances only, following tagging pages and NextToken", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolvesOnce({
        ResourceTagMappingList: [
          instance("i-0a1", "acme-web-1"),
          instance("i-0f9", "globex-db", { Key: "enclave:tenant", Value: "globex" }),
        ],
        PaginationToken: "tags-2",
      })
      .resolvesOnce({ ResourceTagMappingList: [instance("i-0b2")], PaginationToken: "" });
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFakeOnce(
        answerByDimension(
          {
            "i-0a1": [
              ["10:05:00", 40],
              ["10:00:00", 10],
            ],
          },
          "more",
        ),
      )
      .callsFake(answerByDimension({ "i-0b2": [["10:00:00", 30]] }));

    const points = await aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu" });

    expect(points).toEqual([
      ["2026-11-28T10:00:00.000Z", 20],
      ["2026-11-28T10:05:00.000Z", 40],
    ]);
    expect(aws.tagging.commandCalls(GetResourcesCommand)[0]?.args[0].input).toEqual({
      ResourceTypeFilters: ["ec2:instance"],
      TagFilters: [{ Key: "enclave:tenant", Values: ["acme"] }],
      PaginationToken: undefined,
    });
    expect(metricCalls().map((input) => input.NextToken)).toEqual([undefined, "more"]);
    expect(
      metricCalls().every(
        (input) =>
          input.StartTime?.getTime() === from.getTime() && input.EndTime?.getTime() === at("10:15:00").getTime(),
      ),
    ).toBe(true);
    expect(everyMetricQuery()).toHaveLength(4);
    for (const query of everyMetricQuery()) {
      expect(query.MetricStat).toMatchObject({
        Metric: { Namespace: "AWS/EC2", MetricName: "CPUUtilization" },
        Period: 300,
        Stat: "Average",
      });
      expect(query.MetricStat?.Metric?.Dimensions).toEqual([
        { Name: "InstanceId", Value: expect.stringMatching(/^i-0(a1|b2)$/) },
      ]);
    }
  });

  it("converts network bytes per period to KiB/s summed over instances, and memory bytes to MiB", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [instance("i-0a1"), instance("i-0b2")] });
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(answerByDimension({ "i-0a1": [["10:00:00", 307_200]], "i-0b2": [["10:00:00", 614_400]] }));

    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "network_in" })).resolves.toEqual([
      ["2026-11-28T10:00:00.000Z", 3],
    ]);
    expect(everyMetricQuery()[0]?.MetricStat).toMatchObject({
      Metric: { Namespace: "AWS/EC2", MetricName: "NetworkIn" },
      Stat: "Sum",
    });

    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(
        answerByDimension({ "i-0a1": [["10:00:00", 512 * 1024 * 1024]], "i-0b2": [["10:00:00", 1024 * 1024 * 1024]] }),
      );
    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "memory" })).resolves.toEqual([
      ["2026-11-28T10:00:00.000Z", 768],
    ]);
    expect(everyMetricQuery().at(-1)?.MetricStat).toMatchObject({
      Metric: { Namespace: "CWAgent", MetricName: "mem_used" },
      Stat: "Average",
    });

    aws.cloudwatch.on(GetMetricDataCommand).callsFake(answerByDimension({}));
    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "memory" })).resolves.toEqual([]);
  });

  it("reads requests and 5xx errors per minute from the tenant's application load balancers", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [balancer("app/acme-web/50dc6c49"), balancer("net/acme-tcp/1f2e3d4c")] });
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(answerByDimension({ "app/acme-web/50dc6c49": [["10:10:00", 600]] }));

    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "requests" })).resolves.toEqual([
      ["2026-11-28T10:10:00.000Z", 120],
    ]);
    await expect(
      aws.driver.readMetrics!("acme", { ...metricQuery, metric: "errors", bucketSeconds: 600 }),
    ).resolves.toEqual([["2026-11-28T10:10:00.000Z", 60]]);

    expect(aws.tagging.commandCalls(GetResourcesCommand)[0]?.args[0].input).toMatchObject({
      ResourceTypeFilters: ["elasticloadbalancing:loadbalancer"],
    });
    expect(
      everyMetricQuery().map((query) => [
        query.MetricStat?.Metric?.MetricName,
        query.MetricStat?.Period,
        query.MetricStat?.Metric?.Dimensions,
      ]),
    ).toEqual([
      ["RequestCount", 300, [{ Name: "LoadBalancer", Value: "app/acme-web/50dc6c49" }]],
      ["HTTPCode_Target_5XX_Count", 600, [{ Name: "LoadBalancer", Value: "app/acme-web/50dc6c49" }]],
    ]);
    expect(
      everyMetricQuery().every(
        (query) => query.MetricStat?.Metric?.Namespace === "AWS/ApplicationELB" && query.MetricStat.Stat === "Sum",
      ),
    ).toBe(true);
  });

  it("narrows to one resource by Name tag or id, and answers empty without asking CloudWatch for unknown resources or none", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [instance("i-0a1", "acme-web-1"), instance("i-0b2", "acme-web-2")] });
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(answerByDimension({ "i-0a1": [["10:00:00", 10]], "i-0b2": [["10:00:00", 90]] }));

    await expect(
      aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu", resource: "acme-web-2" }),
    ).resolves.toEqual([["2026-11-28T10:00:00.000Z", 90]]);
    await expect(
      aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu", resource: "i-0a1" }),
    ).resolves.toEqual([["2026-11-28T10:00:00.000Z", 10]]);
    expect(
      metricCalls().map((input) =>
        input.MetricDataQueries?.map((query) => query.MetricStat?.Metric?.Dimensions?.[0]?.Value),
      ),
    ).toEqual([["i-0b2"], ["i-0a1"]]);

    await expect(
      aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu", resource: "globex-db" }),
    ).resolves.toEqual([]);
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu" })).resolves.toEqual([]);
    expect(metricCalls()).toHaveLength(2);
  });

  it("reads a database's CPU, connections and free storage (bytes to GiB) from AWS/RDS by its instance identifier", async () => {
    const rds = (id: string, tenant = tenantTag) => ({
      ResourceARN: `arn:aws:rds:eu-west-1:123456789012:db:${id}`,
      Tags: [tenant, { Key: "Name", Value: id }],
    });
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        instance("i-0a1", "acme-web-1"),
        rds("enclave-acme-orders"),
        rds("enclave-acme-users"),
        rds("enclave-globex-orders", { Key: "enclave:tenant", Value: "globex" }),
      ],
    });
    aws.cloudwatch.on(GetMetricDataCommand).callsFake(
      answerByDimension({
        "i-0a1": [["10:00:00", 10]],
        "enclave-acme-orders": [["10:00:00", 12]],
        "enclave-acme-users": [["10:00:00", 30]],
        "enclave-globex-orders": [["10:00:00", 999]],
      }),
    );
    const read = (metric: "cpu" | "connections" | "free_storage", resource?: string) =>
      aws.driver.readMetrics!("acme", { ...metricQuery, metric, resource });

    await expect(read("connections")).resolves.toEqual([["2026-11-28T10:00:00.000Z", 42]]);
    expect(aws.tagging.commandCalls(GetResourcesCommand).at(-1)?.args[0].input).toMatchObject({
      ResourceTypeFilters: ["rds:db"],
    });
    await expect(read("cpu", "enclave-acme-orders")).resolves.toEqual([["2026-11-28T10:00:00.000Z", 12]]);
    expect(aws.tagging.commandCalls(GetResourcesCommand).at(-1)?.args[0].input).toMatchObject({
      ResourceTypeFilters: ["ec2:instance", "rds:db"],
    });
    await expect(read("cpu", "acme-web-1")).resolves.toEqual([["2026-11-28T10:00:00.000Z", 10]]);
    // The tenant's CPU stays its hosts' average.
    await expect(read("cpu")).resolves.toEqual([["2026-11-28T10:00:00.000Z", 10]]);
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(answerByDimension({ "enclave-acme-users": [["10:05:00", 5 * 1024 ** 3]] }));
    await expect(read("free_storage", "enclave-acme-users")).resolves.toEqual([["2026-11-28T10:05:00.000Z", 5]]);
    await expect(read("connections", "acme-web-1")).resolves.toEqual([]);

    expect(
      everyMetricQuery().map((query) => [
        query.MetricStat?.Metric?.Namespace,
        query.MetricStat?.Metric?.MetricName,
        query.MetricStat?.Stat,
        query.MetricStat?.Metric?.Dimensions,
      ]),
    ).toEqual([
      ["AWS/RDS", "DatabaseConnections", "Average", [{ Name: "DBInstanceIdentifier", Value: "enclave-acme-orders" }]],
      ["AWS/RDS", "DatabaseConnections", "Average", [{ Name: "DBInstanceIdentifier", Value: "enclave-acme-users" }]],
      ["AWS/RDS", "CPUUtilization", "Average", [{ Name: "DBInstanceIdentifier", Value: "enclave-acme-orders" }]],
      ["AWS/EC2", "CPUUtilization", "Average", [{ Name: "InstanceId", Value: "i-0a1" }]],
      ["AWS/EC2", "CPUUtilization", "Average", [{ Name: "InstanceId", Value: "i-0a1" }]],
      ["AWS/RDS", "FreeStorageSpace", "Average", [{ Name: "DBInstanceIdentifier", Value: "enclave-acme-users" }]],
    ]);
  });

  it("refuses buckets that are not whole minutes and maps CloudWatch throttling to a transient error", async () => {
    await expect(
      aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu", bucketSeconds: 90 }),
    ).rejects.toBeInstanceOf(PermanentCloudError);
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [instance("i-0a1")] });
    aws.cloudwatch.on(GetMetricDataCommand).rejects(awsError("Throttling", 400, "Rate exceeded"));
    await expect(aws.driver.readMetrics!("acme", { ...metricQuery, metric: "cpu" })).rejects.toBeInstanceOf(
      TransientCloudError,
    );
  });
});
