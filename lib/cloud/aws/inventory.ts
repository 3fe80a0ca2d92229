import { ListInstanceProfilesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import type { ResourceRef } from "../contract";
import { parseResourceArn } from "./arn-kinds";
import type { AwsContext } from "./clients";
import { listTenantDatabases } from "./database-inventory";
import { describeHosts } from "./host-details";
import { buildTenantPath } from "./iam-policies";
import { listKeyAliases } from "./kms-aliases";
import { describeKey } from "./kms-keys";
import { listTenantSecurityGroupRules } from "./security-group-rule-inventory";
import { databaseTagKey, listTenantTagMappings, readTag, toTagRecord } from "./tags";

/** Everything still carrying the tenant's tag: what a finished delete must have made empty. */
export async function listTenantResources(context: AwsContext, tenant: string): Promise<ResourceRef[]> {
  const found = new Map<string, ResourceRef>();
  const databaseParts = new Set<string>();
  // The tagging API's entry wins: it carries the tags, which ListRoles and ListInstanceProfiles do not.
  for (const ref of [
    ...(await listTagged(context, tenant, databaseParts)),
    ...(await listTenantSecurityGroupRules(context, tenant)),
    ...(await listIamByPath(context, tenant)),
    ...(await listTenantDatabases(context, tenant, databaseParts)),
  ]) {
    const key = `${ref.kind}:${ref.id}`;
    if (!found.has(key)) found.set(key, ref);
  }
  const live = await describeLive(context, [...found.values()]);
  const aliases = await Promise.all(
    live.filter((ref) => ref.kind === "kms_key").map((ref) => listKeyAliases(context, ref.id, tenant)),
  );
  return [...live, ...aliases.flat()];
}

/** A database's subnet group, security group and rule are not listed: they go with the database (named in `databaseParts`). */
async function listTagged(context: AwsContext, tenant: string, databaseParts: Set<string>): Promise<ResourceRef[]> {
  return (await listTenantTagMappings(context, tenant)).flatMap((mapping) => {
    const database = readTag(mapping.Tags, databaseTagKey);
    if (database) databaseParts.add(database);
    const parsed = mapping.ResourceARN && !database ? parseResourceArn(mapping.ResourceARN) : null;
    if (!parsed) return [];
    const name = readTag(mapping.Tags, "Name") ?? parsed.id;
    return [{ ...parsed, name, tenant, attributes: { arn: mapping.ResourceARN }, tags: toTagRecord(mapping.Tags) }];
  });
}

// IAM is global and the regional tagging API does not reliably list it, so roles and profiles are
// also listed by the per-tenant path every one of them is created under (exact, no name guessing).
async function listIamByPath({ clients }: AwsContext, tenant: string): Promise<ResourceRef[]> {
  const PathPrefix = buildTenantPath(tenant);
  const refs: ResourceRef[] = [];
  let Marker: string | undefined;
  do {
    const page = await clients.iam.send(new ListRolesCommand({ PathPrefix, Marker }));
    for (const role of page.Roles ?? []) {
      if (role.RoleName)
        refs.push({ kind: "iam_role", name: role.RoleName, id: role.RoleName, tenant, attributes: { arn: role.Arn } });
    }
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  do {
    const page = await clients.iam.send(new ListInstanceProfilesCommand({ PathPrefix, Marker }));
    for (const profile of page.InstanceProfiles ?? []) {
      const name = profile.InstanceProfileName;
      if (name) refs.push({ kind: "instance_profile", name, id: name, tenant, attributes: { arn: profile.Arn } });
    }
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return refs;
}

/** Adds what the cloud says of each now; terminated instances and keys pending deletion stay visible a while but are gone. */
async function describeLive(context: AwsContext, refs: ResourceRef[]): Promise<ResourceRef[]> {
  const hosts = await describeHosts(
    context,
    refs.filter((ref) => ref.kind === "host").map((ref) => ref.id),
  );
  const kept: ResourceRef[] = [];
  for (const ref of refs) {
    if (ref.kind === "host") {
      const host = hosts.get(ref.id);
      if (!host || host.status === "terminated") continue;
      kept.push({ ...ref, ...host, name: host.name ?? ref.name });
    } else if (ref.kind === "kms_key") {
      const key = await describeKey(context, ref.id);
      const state = key?.KeyState;
      if (!state || state === "PendingDeletion" || state === "PendingReplicaDeletion") continue;
      kept.push({ ...ref, status: state, createdAt: key.CreationDate?.toISOString() });
    } else {
      kept.push(ref.kind === "bucket" ? { ...ref, status: "available" } : ref);
    }
  }
  return kept;
}
