import {
  DescribeAlarmsCommand,
  type CompositeAlarm,
  type MetricAlarm,
  type StateValue,
} from "@aws-sdk/client-cloudwatch";
import { tenantTagKey, type CloudAlarm } from "../contract";
import { requireTenantName, type AwsContext } from "./clients";
import { listTaggedAlarms, readAlarmName } from "./tagged-alarms";

/** Set on an alarm to info, warning or critical; anything else counts as warning. */
export const severityTagKey = "enclave:severity";
const namesPerCall = 100;
const states: Record<StateValue, CloudAlarm["state"]> = {
  ALARM: "alarm",
  OK: "ok",
  INSUFFICIENT_DATA: "insufficient_data",
};
const severities: readonly CloudAlarm["severity"][] = ["info", "warning", "critical"];

/** The tenant's metric and composite alarms, in whatever state. */
export async function listTenantAlarms(context: AwsContext, tenant: string): Promise<CloudAlarm[]> {
  const tagged = await listTaggedAlarms(context, requireTenantName(tenant));
  const names = [...new Set([...tagged.keys()].map((arn) => readAlarmName(arn)!))];
  const alarms: CloudAlarm[] = [];
  for (let start = 0; start < names.length; start += namesPerCall) {
    const AlarmNames = names.slice(start, start + namesPerCall);
    let NextToken: string | undefined;
    do {
      const page = await context.clients.cloudwatch.send(
        new DescribeAlarmsCommand({ AlarmNames, AlarmTypes: ["MetricAlarm", "CompositeAlarm"], NextToken }),
      );
      const found = [
        ...(page.MetricAlarms ?? []).map((alarm) => ({ alarm, resource: readAlarmResource(alarm) })),
        ...(page.CompositeAlarms ?? []).map((alarm) => ({ alarm, resource: null })),
      ];
      for (const { alarm, resource } of found) {
        const tags = alarm.AlarmArn ? tagged.get(alarm.AlarmArn) : undefined;
        // Checked again here so that only an alarm whose own ARN carried the tenant's tag is ever returned.
        if (tags?.[tenantTagKey] === tenant) alarms.push(toCloudAlarm(alarm, tags, resource));
      }
      NextToken = page.NextToken || undefined;
    } while (NextToken);
  }
  return alarms;
}

function toCloudAlarm(
  alarm: MetricAlarm | CompositeAlarm,
  tags: Record<string, string>,
  resource: string | null,
): CloudAlarm {
  const severity = severities.find((level) => level === tags[severityTagKey]?.trim().toLowerCase()) ?? "warning";
  // StateUpdatedTimestamp also moves when only the evaluation state changes; the transition is what "since" means.
  const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp ?? new Date();
  return {
    id: alarm.AlarmArn!,
    name: alarm.AlarmName ?? readAlarmName(alarm.AlarmArn!)!,
    state: (alarm.StateValue && states[alarm.StateValue]) || "insufficient_data",
    severity,
    resource,
    reason: alarm.StateReason ?? "",
    since: since.toISOString(),
  };
}

/** The instance, database or load balancer the alarm watches, else its first dimension's value (metric math included). */
function readAlarmResource(alarm: MetricAlarm): string | null {
  const dimensions = [
    ...(alarm.Dimensions ?? []),
    ...(alarm.Metrics ?? []).flatMap((query) => query.MetricStat?.Metric?.Dimensions ?? []),
  ];
  const valueOf = (name: string) => dimensions.find((dimension) => dimension.Name === name && dimension.Value)?.Value;
  return (
    valueOf("InstanceId") ??
    valueOf("DBInstanceIdentifier") ??
    valueOf("LoadBalancer") ??
    dimensions.find((dimension) => dimension.Value)?.Value ??
    null
  );
}
