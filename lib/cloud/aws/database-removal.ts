import { DeleteDBInstanceCommand } from "@aws-sdk/client-rds";
import { ForeignResourceError, tenantTagKey, type RemoveRef } from "../contract";
import type { AwsContext } from "./clients";
import { describeDatabase } from "./databases";
import { removeDbSecurityGroups } from "./db-security-group";
import { removeDbSubnetGroup } from "./db-subnet-groups";
import { hasErrorCode } from "./errors";
import { readTag } from "./tags";

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

/** Also when RDS cannot delete it yet (creating, backing up, modifying): the next ask tries again. */
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
    if (!hasErrorCode(error, "DBInstanceNotFound", "InvalidDBInstanceState")) throw error;
  }
}

/** `<id>-final-YYYYMMDDhhmmss`: unique per attempt, and a valid snapshot identifier. */
export function finalSnapshotName(identifier: string, now: Date): string {
  return `${identifier}-final-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
}
