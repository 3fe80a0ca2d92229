import { RunInstancesCommand, TerminateInstancesCommand, type _InstanceType } from "@aws-sdk/client-ec2";
import { PermanentCloudError, TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { readStringAttribute, requireRef, type AwsContext } from "./clients";
import { hasErrorCode } from "./errors";
import { buildTenantTags, nodeLabelTagKey } from "./tags";

/** A worker node of the tenant. EC2's ClientToken makes a retried RunInstances return the same instance. */
export async function ensureHost({ clients }: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const imageId = readStringAttribute(spec, "imageId");
  if (!imageId) throw new PermanentCloudError(`Host ${spec.name} needs attributes.imageId.`);
  const userData = readStringAttribute(spec, "userData");
  const tags = [...buildTenantTags(spec), { Key: nodeLabelTagKey, Value: spec.tenant }];
  try {
    const launched = await clients.ec2.send(
      new RunInstancesCommand({
        ClientToken: spec.idempotencyKey,
        MinCount: 1,
        MaxCount: 1,
        ImageId: imageId,
        InstanceType: (readStringAttribute(spec, "instanceType") ?? "t3.medium") as _InstanceType,
        SubnetId: readStringAttribute(spec, "subnetId"),
        SecurityGroupIds: requireRef(spec, "securityGroupId").split(","),
        IamInstanceProfile: { Name: requireRef(spec, "instanceProfileName") },
        KeyName: spec.refs?.keyName,
        UserData: userData ? Buffer.from(userData).toString("base64") : undefined,
        TagSpecifications: [
          { ResourceType: "instance", Tags: tags },
          { ResourceType: "volume", Tags: tags },
        ],
      }),
    );
    const instance = launched.Instances?.[0];
    if (!instance?.InstanceId)
      throw new TransientCloudError(`AWS launched host ${spec.name} without returning its id.`);
    const attributes = {
      instanceType: instance.InstanceType,
      privateIp: instance.PrivateIpAddress,
      state: instance.State?.Name,
    };
    return { kind: spec.kind, name: spec.name, id: instance.InstanceId, tenant: spec.tenant, attributes };
  } catch (error) {
    // A just-created instance profile takes a few seconds to become usable by EC2.
    if (
      hasErrorCode(error, "InvalidParameterValue") &&
      /iam instance profile/i.test(String((error as Error).message))
    ) {
      throw new TransientCloudError(`AWS does not see instance profile ${spec.refs?.instanceProfileName} yet.`);
    }
    throw error;
  }
}

export async function removeHost({ clients }: AwsContext, instanceId: string): Promise<void> {
  await clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
}
