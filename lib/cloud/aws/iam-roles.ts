import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  type Role,
} from "@aws-sdk/client-iam";
import type { ResourceRef, ResourceSpec } from "../contract";
import type { AwsContext } from "./clients";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { buildEc2TrustPolicy, buildTenantAccessPolicy, buildTenantPath, tenantAccessPolicyName } from "./iam-policies";
import { assertTenantOwns, buildTenantTags } from "./tags";

/** IAM is keyed by name, so the role's ref id is its name; the ARN rides along in attributes. */
export async function ensureIamRole({ clients }: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  let role: Role | undefined;
  try {
    const created = await clients.iam.send(
      new CreateRoleCommand({
        RoleName: spec.name,
        Path: buildTenantPath(spec.tenant),
        AssumeRolePolicyDocument: JSON.stringify(buildEc2TrustPolicy()),
        Description: `Enclave tenant ${spec.tenant}`,
        Tags: buildTenantTags(spec),
      }),
    );
    role = created.Role;
  } catch (error) {
    if (!hasErrorCode(error, "EntityAlreadyExists")) throw error;
    role = (await clients.iam.send(new GetRoleCommand({ RoleName: spec.name }))).Role;
    const tags = await clients.iam.send(new ListRoleTagsCommand({ RoleName: spec.name }));
    assertTenantOwns(spec, tags.Tags);
  }
  // Also on adoption: a crash may have come between CreateRole and this call.
  await clients.iam.send(
    new PutRolePolicyCommand({
      RoleName: spec.name,
      PolicyName: tenantAccessPolicyName,
      PolicyDocument: JSON.stringify(buildTenantAccessPolicy(spec.tenant)),
    }),
  );
  return {
    kind: spec.kind,
    name: spec.name,
    id: spec.name,
    tenant: spec.tenant,
    attributes: { arn: role?.Arn, roleId: role?.RoleId },
  };
}

export async function removeIamRole({ clients }: AwsContext, roleName: string): Promise<void> {
  const policies = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
  for (const policyName of policies.PolicyNames ?? []) {
    await ignoreErrorCodes(
      clients.iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
      "NoSuchEntity",
    );
  }
  await clients.iam.send(new DeleteRoleCommand({ RoleName: roleName }));
}
