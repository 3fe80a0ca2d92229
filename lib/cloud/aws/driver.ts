import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  PermanentCloudError,
  type CloudDriver,
  type RemoveRef,
  type ResourceKind,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";
import { listTenantAlarms } from "./alarms";
import { ensureBucketGrant, removeBucketGrant } from "./bucket-grants";
import { ensureBucket, removeBucket } from "./buckets";
import { createAwsClients, type AwsClients, type AwsContext } from "./clients";
import { removeDatabase } from "./database-removal";
import { ensureDatabase } from "./databases";
import { readTenantDailyCosts } from "./daily-costs";
import { dependencyCodes, eventualConsistencyCodes, hasErrorCode, notFoundCodes, toCloudError } from "./errors";
import { ensureHost, removeHost } from "./instances";
import { ensureInstanceProfile, removeInstanceProfile } from "./instance-profiles";
import { ensureIamRole, removeIamRole } from "./iam-roles";
import { listTenantResources } from "./inventory";
import { ensureKeyGrant, removeKeyGrant } from "./key-grants";
import { ensureKeyPair, removeKeyPair } from "./key-pairs";
import { ensureKmsAlias, removeKmsAlias } from "./kms-aliases";
import { ensureKmsKey, removeKmsKey } from "./kms-keys";
import { readTenantLogs } from "./logs";
import { readTenantMetrics } from "./metrics";
import { ensureSecurityGroupRule, removeSecurityGroupRule } from "./security-group-rules";
import { ensureSecurityGroup, removeSecurityGroup } from "./security-groups";

export interface AwsDriverOptions {
  region: string;
  vpcId: string;
  /** Injected by tests; otherwise each client uses the default credential chain. */
  clients?: Partial<AwsClients>;
}

type Ensure = (context: AwsContext, spec: ResourceSpec) => Promise<ResourceRef & { secret?: string }>;
type Remove = (context: AwsContext, id: string, ref: RemoveRef) => Promise<void | { waiting: string }>;
const operations: Partial<Record<ResourceKind, { ensure: Ensure; remove: Remove }>> = {
  security_group: { ensure: ensureSecurityGroup, remove: removeSecurityGroup },
  security_group_rule: { ensure: ensureSecurityGroupRule, remove: removeSecurityGroupRule },
  iam_role: { ensure: ensureIamRole, remove: removeIamRole },
  instance_profile: { ensure: ensureInstanceProfile, remove: removeInstanceProfile },
  kms_key: { ensure: ensureKmsKey, remove: removeKmsKey },
  kms_alias: { ensure: ensureKmsAlias, remove: removeKmsAlias },
  key_pair: { ensure: ensureKeyPair, remove: removeKeyPair },
  host: { ensure: ensureHost, remove: removeHost },
  bucket: { ensure: ensureBucket, remove: removeBucket },
  database: { ensure: ensureDatabase, remove: removeDatabase },
  bucket_grant: { ensure: ensureBucketGrant, remove: removeBucketGrant },
  key_grant: { ensure: ensureKeyGrant, remove: removeKeyGrant },
};
// A log group deleted between listing and querying, or too many Insights queries at once: worth a retry.
const logRetryCodes = ["ResourceNotFoundException", "LimitExceededException"];
// Cost Explorer's rate limit, and a report that changed between two pages of one read.
const costRetryCodes = ["LimitExceededException", "RequestChangedException"];

function operationsFor(kind: ResourceKind) {
  const found = operations[kind];
  if (!found) throw new PermanentCloudError(`The AWS driver does not manage ${kind.replace(/_/g, " ")}s.`);
  return found;
}

export function createAwsDriver({ region, vpcId, clients }: AwsDriverOptions): CloudDriver {
  const context: AwsContext = { clients: createAwsClients(region, clients), region, vpcId };
  return {
    async ensure(spec) {
      const { ensure } = operationsFor(spec.kind);
      try {
        return await ensure(context, spec);
      } catch (error) {
        throw toCloudError(error, eventualConsistencyCodes);
      }
    },
    async remove(ref) {
      const { remove } = operationsFor(ref.kind);
      try {
        return await remove(context, ref.id, ref);
      } catch (error) {
        if (hasErrorCode(error, ...notFoundCodes)) return;
        throw toCloudError(error, dependencyCodes);
      }
    },
    async listTenantResources(tenant) {
      try {
        return await listTenantResources(context, tenant);
      } catch (error) {
        throw toCloudError(error);
      }
    },
    async readLogs(tenant, query) {
      try {
        return await readTenantLogs(context, tenant, query);
      } catch (error) {
        throw toCloudError(error, logRetryCodes);
      }
    },
    async readMetrics(tenant, query) {
      try {
        return await readTenantMetrics(context, tenant, query);
      } catch (error) {
        throw toCloudError(error);
      }
    },
    async readDailyCosts(tenant, from, to) {
      try {
        return await readTenantDailyCosts(context, tenant, from, to);
      } catch (error) {
        // An account (or a tag) Cost Explorer has no data for yet has no costs.
        if (hasErrorCode(error, "DataUnavailableException")) return [];
        throw toCloudError(error, costRetryCodes);
      }
    },
    async listAlarms(tenant) {
      try {
        return await listTenantAlarms(context, tenant);
      } catch (error) {
        throw toCloudError(error);
      }
    },
    async checkConnectivity() {
      try {
        const identity = await context.clients.sts.send(new GetCallerIdentityCommand({}));
        return { ok: true, detail: `AWS account ${identity.Account} as ${identity.Arn} (${region})` };
      } catch (error) {
        return { ok: false, detail: toCloudError(error).message };
      }
    },
  };
}
