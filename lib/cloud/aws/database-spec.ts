import type { DBInstance } from "@aws-sdk/client-rds";
import { z } from "zod";
import {
  PermanentCloudError,
  databaseEngines,
  defaultDatabasePort,
  type DatabaseRefAttributes,
  type DatabaseSpecAttributes,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";
import { toTagRecord } from "./tags";

const specAttributes = z.object({
  engine: z.enum(databaseEngines),
  engineVersion: z.string().min(1),
  instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "an RDS instance class such as db.t4g.micro"),
  storageGiB: z.number().int().min(20).max(65536),
  multiAz: z.boolean(),
  port: z.number().int().min(1150).max(65535),
  masterUsername: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/, "a letter then up to 15 letters, digits or _"),
  // Only creating needs it: a call that finds the instance (a re-check) may leave it out.
  masterPassword: z
    .string()
    .regex(/^[^/@"' ]{8,128}$/, "8 to 128 characters without / @ \" ' or spaces")
    .optional(),
});

/** The spec's settings, or a message naming the first one RDS would refuse (never echoing the password). */
export function parseDatabaseSpec(
  spec: ResourceSpec,
): Partial<Pick<DatabaseSpecAttributes, "masterPassword">> & Omit<DatabaseSpecAttributes, "masterPassword"> {
  const parsed = specAttributes.safeParse(spec.attributes ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new PermanentCloudError(`Database ${spec.name}: ${issue.path.join(".") || "attributes"}: ${issue.message}.`);
}

/**
 * What RDS says of an instance, in the contract's words; the password is never part of it. RDS reports
 * the port with the endpoint, which a creating instance has not got yet: then the port asked for.
 */
export function toDatabaseRef(instance: DBInstance, tenant: string, askedPort?: number): ResourceRef {
  const id = instance.DBInstanceIdentifier ?? "";
  const engine = instance.Engine as DatabaseRefAttributes["engine"];
  const attributes: DatabaseRefAttributes & { arn?: string } = {
    engine,
    engineVersion: instance.EngineVersion ?? "",
    instanceClass: instance.DBInstanceClass ?? "",
    storageGiB: instance.AllocatedStorage ?? 0,
    multiAz: instance.MultiAZ ?? false,
    port: instance.Endpoint?.Port || instance.DbInstancePort || askedPort || defaultDatabasePort[engine] || 0,
    masterUsername: instance.MasterUsername ?? "",
    ...(instance.Endpoint?.Address ? { endpoint: instance.Endpoint.Address } : {}),
    ...(instance.VpcSecurityGroups?.[0]?.VpcSecurityGroupId
      ? { securityGroupId: instance.VpcSecurityGroups[0].VpcSecurityGroupId }
      : {}),
    ...(instance.KmsKeyId ? { kmsKeyId: instance.KmsKeyId } : {}),
    ...(instance.DBInstanceArn ? { arn: instance.DBInstanceArn } : {}),
  };
  const tags = toTagRecord(instance.TagList);
  return {
    kind: "database",
    name: tags.Name ?? id,
    id,
    tenant,
    status: instance.DBInstanceStatus,
    attributes: { ...attributes },
    ...(instance.InstanceCreateTime ? { createdAt: instance.InstanceCreateTime.toISOString() } : {}),
    tags,
  };
}
