import { DescribeDBInstancesCommand } from "@aws-sdk/client-rds";
import { tenantTagKey, type ResourceRef } from "../contract";
import type { AwsContext } from "./clients";
import { toDatabaseRef } from "./database-spec";
import { readTag } from "./tags";

/**
 * The tenant's RDS instances, deleting ones included. DescribeDBInstances has no tag filter, so every
 * instance is listed and its TagList read. `leftovers` names databases whose subnet or security group
 * is still tagged: one with no instance any more is listed as a database still "deleting", so that
 * removing it (which finds the instance gone) deletes those groups.
 */
export async function listTenantDatabases(
  { clients }: AwsContext,
  tenant: string,
  leftovers: ReadonlySet<string>,
): Promise<ResourceRef[]> {
  const refs: ResourceRef[] = [];
  let Marker: string | undefined;
  do {
    const page = await clients.rds.send(new DescribeDBInstancesCommand({ Marker }));
    for (const instance of page?.DBInstances ?? []) {
      if (instance.DBInstanceIdentifier && readTag(instance.TagList, tenantTagKey) === tenant)
        refs.push(toDatabaseRef(instance, tenant));
    }
    Marker = page?.Marker || undefined;
  } while (Marker);
  const live = new Set(refs.map((ref) => ref.id));
  for (const name of leftovers) {
    if (!live.has(name))
      refs.push({ kind: "database", name, id: name, tenant, status: "deleting", attributes: { leftover: true } });
  }
  return refs;
}
