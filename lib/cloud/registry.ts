import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Infrastructure } from "@/db/schema";
import { cloudDriverKinds, type CloudDriver, type CloudDriverKind } from "./contract";
import { awsCloud, kubernetesCloud, localCloud, type CloudDescriptor } from "./descriptors";

/** Every kind of cloud, by kind: the one place a new cloud is added. */
export const cloudDescriptors = { local: localCloud, aws: awsCloud, kubernetes: kubernetesCloud } satisfies Record<
  CloudDriverKind,
  CloudDescriptor<unknown>
>;

/** The kinds whose logs and metrics the portal generates into its own tables. */
export const simulatedTelemetryKinds = cloudDriverKinds.filter((kind) => cloudDescriptors[kind].simulatedTelemetry);

/** A stored infrastructure that cannot be opened: its driver is unknown or its settings fail their schema. */
export class InvalidInfrastructureError extends Error {
  name = "InvalidInfrastructureError";
}

/** The descriptor of a kind of cloud, or undefined for a kind this portal does not know. */
export function describeCloud(kind: string): (typeof cloudDescriptors)[CloudDriverKind] | undefined {
  return (cloudDriverKinds as readonly string[]).includes(kind) ? cloudDescriptors[kind as CloudDriverKind] : undefined;
}

/** The first problems of a config, each as `path: message`. */
export const describeConfigIssues = (error: z.ZodError) =>
  error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");

async function open<Config>(
  descriptor: CloudDescriptor<Config>,
  db: Db,
  infrastructure: Infrastructure,
): Promise<CloudDriver> {
  const parsed = descriptor.configSchema.safeParse(infrastructure.config ?? {});
  if (!parsed.success)
    throw new InvalidInfrastructureError(
      `Infrastructure "${infrastructure.name}" has an invalid configuration: ${describeConfigIssues(parsed.error)}`,
    );
  return descriptor.create(db, { ...infrastructure, config: parsed.data });
}

/**
 * The driver for an infrastructure, chosen by its kind and checked against its kind's config schema;
 * pages and the engine never branch on it.
 */
export async function driverFor(db: Db, infrastructure: Infrastructure): Promise<CloudDriver> {
  const descriptor = describeCloud(infrastructure.driver);
  if (!descriptor)
    throw new InvalidInfrastructureError(
      `Infrastructure "${infrastructure.name}" has an unknown driver "${infrastructure.driver}".`,
    );
  return open<unknown>(descriptor, db, infrastructure);
}
