import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { AwsContext } from "./clients";

/** Every log group of a tenant is named under this prefix; the rest of the name is the resource that writes to it. */
function buildLogGroupPrefix(tenant: string): string {
  return `/enclave/${tenant}/`;
}

export function readLogGroupResource(tenant: string, logGroupName: string): string {
  return logGroupName.slice(buildLogGroupPrefix(tenant).length);
}

/** The tenant's log groups by name, following every page; a name outside the prefix is never returned. */
export async function listTenantLogGroups({ clients }: AwsContext, tenant: string): Promise<string[]> {
  const logGroupNamePrefix = buildLogGroupPrefix(tenant);
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix, nextToken }));
    for (const { logGroupName } of page.logGroups ?? []) {
      if (logGroupName?.startsWith(logGroupNamePrefix) && logGroupName.length > logGroupNamePrefix.length)
        names.push(logGroupName);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}
