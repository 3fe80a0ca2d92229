import { CreateDBInstanceCommand, DescribeDBInstancesCommand, type DBInstance } from "@aws-sdk/client-rds";
import { PermanentCloudError, TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { requireRef, type AwsContext } from "./clients";
import { parseDatabaseSpec, toDatabaseRef } from "./database-spec";
import { ensureDbSecurityGroup } from "./db-security-group";
import { ensureDbSubnetGroup } from "./db-subnet-groups";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { assertTenantOwns, buildTenantTags } from "./tags";

/** An RDS instance with the spec's name: adopted when it is the tenant's, else made with its subnet and security groups. */
export async function ensureDatabase(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const settings = parseDatabaseSpec(spec);
  const tenantGroupId = requireRef(spec, "securityGroupId");
  const kmsKeyId = requireRef(spec, "kmsKeyId");
  const existing = await describeDatabase(context, spec.name);
  if (existing) return adopt(spec, existing, settings.port);
  if (!settings.masterPassword)
    throw new PermanentCloudError(
      `Database ${spec.name} does not exist yet, and creating it needs attributes.masterPassword.`,
    );
  const subnetGroup = await ensureDbSubnetGroup(context, spec);
  const groupId = await ensureDbSecurityGroup(context, spec, tenantGroupId, settings.port);
  try {
    const created = await context.clients.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: spec.name,
        Engine: settings.engine,
        EngineVersion: settings.engineVersion,
        DBInstanceClass: settings.instanceClass,
        AllocatedStorage: settings.storageGiB,
        MultiAZ: settings.multiAz,
        Port: settings.port,
        MasterUsername: settings.masterUsername,
        MasterUserPassword: settings.masterPassword,
        DBSubnetGroupName: subnetGroup,
        VpcSecurityGroupIds: [groupId],
        PubliclyAccessible: false,
        StorageEncrypted: true,
        KmsKeyId: kmsKeyId,
        CopyTagsToSnapshot: true,
        Tags: buildTenantTags(spec),
      }),
    );
    if (!created.DBInstance) throw new TransientCloudError(`RDS created ${spec.name} without describing it.`);
    return toDatabaseRef(created.DBInstance, spec.tenant, settings.port);
  } catch (error) {
    if (!hasErrorCode(error, "DBInstanceAlreadyExists")) throw error;
    const raced = await describeDatabase(context, spec.name);
    if (!raced) throw new TransientCloudError(`Database ${spec.name} exists but cannot be read yet.`);
    return adopt(spec, raced, settings.port);
  }
}

function adopt(spec: ResourceSpec, instance: DBInstance, port: number): ResourceRef {
  assertTenantOwns(spec, instance.TagList);
  if (instance.DBInstanceStatus === "deleting")
    throw new TransientCloudError(`Database ${spec.name} is still being deleted; it is made again once it is gone.`);
  return toDatabaseRef(instance, spec.tenant, port);
}

export async function describeDatabase({ clients }: AwsContext, identifier: string): Promise<DBInstance | undefined> {
  const found = await ignoreErrorCodes(
    clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier })),
    "DBInstanceNotFound",
  );
  return found?.DBInstances?.[0];
}
