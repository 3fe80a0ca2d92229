import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  type InstanceProfile,
} from "@aws-sdk/client-iam";
import { PermanentCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { requireRef, type AwsContext } from "./clients";
import { eventualConsistencyCodes, hasErrorCode, ignoreErrorCodes, toCloudError } from "./errors";
import { buildTenantPath } from "./iam-policies";
import { assertTenantOwns, buildTenantTags } from "./tags";

/** The profile that hands refs.roleName to the tenant's hosts; its ref id is its name, as IAM wants. */
export async function ensureInstanceProfile(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const roleName = requireRef(spec, "roleName");
  const profile = await createOrAdoptProfile(context, spec);
  const holds = profile?.Roles?.map((role) => role.RoleName) ?? [];
  if (holds.length > 0 && !holds.includes(roleName)) {
    throw new PermanentCloudError(
      `Instance profile ${spec.name} already holds role ${holds.join(", ")}, not ${roleName}.`,
    );
  }
  if (holds.length === 0) await addRole(context, spec.name, roleName);
  return {
    kind: spec.kind,
    name: spec.name,
    id: spec.name,
    tenant: spec.tenant,
    attributes: { arn: profile?.Arn, roleName },
  };
}

async function createOrAdoptProfile({ clients }: AwsContext, spec: ResourceSpec): Promise<InstanceProfile | undefined> {
  try {
    const created = await clients.iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: spec.name,
        Path: buildTenantPath(spec.tenant),
        Tags: buildTenantTags(spec),
      }),
    );
    return created.InstanceProfile;
  } catch (error) {
    if (!hasErrorCode(error, "EntityAlreadyExists")) throw error;
    const found = await clients.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: spec.name }));
    const tags = await clients.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: spec.name }));
    assertTenantOwns(spec, tags.Tags);
    return found.InstanceProfile;
  }
}

async function addRole({ clients }: AwsContext, profileName: string, roleName: string): Promise<void> {
  try {
    await clients.iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }),
    );
  } catch (error) {
    // A profile holds at most one role: this quota error means the role went in on an earlier try.
    if (
      hasErrorCode(error, "LimitExceeded") &&
      /InstanceSessionsPerInstanceProfile/.test(String((error as Error).message))
    )
      return;
    // The role (created a moment ago) may not be visible to this IAM endpoint yet.
    throw toCloudError(error, eventualConsistencyCodes);
  }
}

export async function removeInstanceProfile({ clients }: AwsContext, profileName: string): Promise<void> {
  const found = await clients.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }));
  for (const role of found.InstanceProfile?.Roles ?? []) {
    const removal = new RemoveRoleFromInstanceProfileCommand({
      InstanceProfileName: profileName,
      RoleName: role.RoleName,
    });
    await ignoreErrorCodes(clients.iam.send(removal), "NoSuchEntity");
  }
  await clients.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profileName }));
}
