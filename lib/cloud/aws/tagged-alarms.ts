import { tenantTagKey } from "../contract";
import type { AwsContext } from "./clients";
import { listTenantTagMappings, toTagRecord } from "./tags";

/** The tenant's CloudWatch alarms by ARN, with their tags, found by the tenant tag alone. */
export async function listTaggedAlarms(
  context: AwsContext,
  tenant: string,
): Promise<Map<string, Record<string, string>>> {
  const alarms = new Map<string, Record<string, string>>();
  for (const { ResourceARN, Tags } of await listTenantTagMappings(context, tenant, ["cloudwatch:alarm"])) {
    const tags = toTagRecord(Tags);
    if (ResourceARN && readAlarmName(ResourceARN) && tags[tenantTagKey] === tenant) alarms.set(ResourceARN, tags);
  }
  return alarms;
}

/** `arn:aws:cloudwatch:region:account:alarm:name`; the name itself may hold colons. */
export function readAlarmName(arn: string): string | null {
  const parts = arn.split(":");
  const name = parts.slice(6).join(":");
  return parts[0] === "arn" && parts[2] === "cloudwatch" && parts[5] === "alarm" && name ? name : null;
}
