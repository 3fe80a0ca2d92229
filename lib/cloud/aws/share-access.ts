import { PermanentCloudError, type ResourceSpec, type ShareAccess } from "../contract";
import { readStringAttribute } from "./clients";

export type ObjectAccess = Exclude<ShareAccess, "connect">;

/** What a grant spec names: who gets in, and for reading or also writing. */
export function readGrantSpec(spec: ResourceSpec): { principalArn: string; access: ObjectAccess } {
  const principalArn = readStringAttribute(spec, "principalArn");
  if (!principalArn?.startsWith("arn:"))
    throw new PermanentCloudError(`Share ${spec.name} needs attributes.principalArn, the ARN of the role to let in.`);
  const access = readStringAttribute(spec, "access");
  if (access !== "read" && access !== "read-write")
    throw new PermanentCloudError(`Share ${spec.name} needs attributes.access "read" or "read-write"; got ${access}.`);
  return { principalArn, access };
}
