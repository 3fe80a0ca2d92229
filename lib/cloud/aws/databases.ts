import {
  CreateDBInstanceCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  type DBInstance,
} from "@aws-sdk/client-rds";
import {
  ForeignResourceError,
  TransientCloudError,
  tenantTagKey,
  type RemoveRef,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";
import { requireRef, type AwsContext } from "./clients";
import { parseDatabaseSpec, toDatabaseRef } from "./database-spec";
import { ensureDbSecurityGroup, removeDbSecurityGroups } from "./db-security-group";
import { ensureDbSubnetGroup, removeDbSubnetGroup } from "./db-subnet-groups";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { assertTenantOwns, buildTenantTags, readTag } from "./tags";

/** An RDS instance with the spec's name: adopted when it is the tenant's, else made with its subnet and security groups. */
export async function ensureDatabase(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const settings = parseDatabaseSpec(spec);
  const tenantGroupId = requireRef(spec, "securityGroupId");
  const kmsKeyId = requireRef(spec, "kmsKeyId");
  const existing = await describeDatabase(context, spec.name);
  if (existing) return adopt(spec, existing, settings.port);
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

/** Asks RDS to delete the instance and answers "waiting" until it is gone; then removes what it leaves. */
export async function removeDatabase(context: AwsContext, identifier: string, ref: RemoveRef) {
  const instance = await describeDatabase(context, identifier);
  if (!instance) {
    await removeDbSubnetGroup(context, identifier, ref.tenant);
    await removeDbSecurityGroups(context, identifier, ref.tenant);
    return;
  }
  const owner = readTag(instance.TagList, tenantTagKey);
  if (owner !== ref.tenant) throw new ForeignResourceError("database", identifier, owner);
  if (instance.DBInstanceStatus !== "deleting") await deleteInstance(context, identifier, ref);
  return { waiting: "deleted" };
}

async function deleteInstance({ clients }: AwsContext, identifier: string, ref: RemoveRef): Promise<void> {
  const snapshot = ref.attributes?.finalSnapshot === true;
  try {
    await clients.rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: identifier,
        ...(snapshot
          ? { FinalDBSnapshotIdentifier: finalSnapshotName(identifier, new Date()) }
          : { SkipFinalSnapshot: true }),
        DeleteAutomatedBackups: true,
      }),
    );
  } catch (error) {
    if (hasErrorCode(error, "DBInstanceNotFound")) return;
    // Creating, backing up, modifying: RDS deletes it once that is over.
    if (hasErrorCode(error, "InvalidDBInstanceState"))
      throw new TransientCloudError(`Database ${identifier} cannot be deleted in its current state yet.`);
    throw error;
  }
}

/** `<id>-final-YYYYMMDDhhmmss`: unique per attempt, and a valid snapshot identifier. */
export function finalSnapshotName(identifier: string, now: Date): string {
  return `${identifier}-final-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
}
