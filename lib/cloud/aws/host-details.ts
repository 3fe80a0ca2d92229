import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import type { AwsContext } from "./clients";
import { readTag } from "./tags";

export type HostDetails = { status?: string; createdAt?: string; name?: string };

// EC2 takes at most 200 values in one filter; a filter (unlike InstanceIds) also skips ids EC2 has forgotten.
const idsPerCall = 200;

/** State, launch time and Name tag of the given instances, by id; an id EC2 no longer knows is absent. */
export async function describeHosts({ clients }: AwsContext, instanceIds: string[]): Promise<Map<string, HostDetails>> {
  const details = new Map<string, HostDetails>();
  for (let start = 0; start < instanceIds.length; start += idsPerCall) {
    const Filters = [{ Name: "instance-id", Values: instanceIds.slice(start, start + idsPerCall) }];
    let NextToken: string | undefined;
    do {
      const page = await clients.ec2.send(new DescribeInstancesCommand({ Filters, NextToken }));
      for (const instance of page.Reservations?.flatMap((reservation) => reservation.Instances ?? []) ?? []) {
        if (!instance.InstanceId) continue;
        details.set(instance.InstanceId, {
          status: instance.State?.Name,
          createdAt: instance.LaunchTime?.toISOString(),
          name: readTag(instance.Tags, "Name") ?? undefined,
        });
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
  return details;
}
