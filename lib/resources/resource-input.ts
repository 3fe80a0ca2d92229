import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { databaseEngines } from "@/lib/cloud/contract/databases";
import { databaseSizes, databaseStorage, databaseVersions, type DatabaseSize } from "./database-options";

// A DNS label: a Deployment, a Service and an EC2 Name tag all accept it.
const resourceName = z
  .string({ error: "Give the resource a name." })
  .trim()
  .min(2, "A name has at least 2 characters.")
  .max(30, "A name has at most 30 characters.")
  .regex(
    /^[a-z][a-z0-9-]*[a-z0-9]$/,
    "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
  );
const containerImage = z
  .string({ error: "Give the container image, such as nginx:1.27." })
  .trim()
  .min(1, "Give the container image, such as nginx:1.27.")
  .max(200, "An image reference has at most 200 characters.")
  .regex(/^[a-z0-9][a-z0-9._/:@-]*$/, "An image looks like nginx:1.27 or registry.example.com/team/app@sha256:…");
const count = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} is a whole number.` })
    .int(`${what} is a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(max, `At most ${max} ${what.toLowerCase()}.`);

export const hostSizes = { small: "t3.small", medium: "t3.medium", large: "t3.large" } as const;

const engineNames = databaseEngines.join(" or ");
const databaseSpec = z
  .object({
    kind: z.literal("database"),
    // An RDS identifier is at most 63 characters, and `enclave-<tenant>-` takes up to 39 of them.
    name: resourceName
      .max(24, "A database name has at most 24 characters.")
      .refine((n) => !n.includes("--"), "A database name has no two hyphens in a row."),
    engine: z.enum(databaseEngines, { error: `Choose an engine: ${engineNames}.` }),
    engineVersion: z.string({ error: "Choose an engine version." }).trim().min(1, "Choose an engine version."),
    size: z
      .enum(Object.keys(databaseSizes) as [DatabaseSize], { error: "Choose a size: small, medium or large." })
      .default("small"),
    storageGiB: z.coerce
      .number({ error: "Storage is a number of GiB." })
      .int("Storage is a whole number of GiB.")
      .min(databaseStorage.min, `Storage runs from ${databaseStorage.min} to ${databaseStorage.max} GiB.`)
      .max(databaseStorage.max, `Storage runs from ${databaseStorage.min} to ${databaseStorage.max} GiB.`)
      .default(databaseStorage.min),
    multiAz: z.boolean().default(false),
  })
  .refine((d) => databaseVersions[d.engine].includes(d.engineVersion), {
    path: ["engineVersion"],
    error: (issue) => {
      const engine = (issue.input as { engine: keyof typeof databaseVersions }).engine;
      return `Choose a version ${engine} offers: ${databaseVersions[engine].join(", ")}.`;
    },
  });

const serviceSpec = z
  .object({
    kind: z.literal("service"),
    name: resourceName,
    image: containerImage,
    replicas: count("Replicas", 20).default(1),
    port: z.coerce
      .number({ error: "The port is a number." })
      .int("The port is a whole number.")
      .min(1, "Ports run from 1 to 65535.")
      .max(65535, "Ports run from 1 to 65535.")
      .optional(),
    expose: z.boolean().default(false),
  })
  .refine((s) => !s.expose || s.port !== undefined, {
    message: "A service behind a load balancer needs the port it listens on.",
    path: ["port"],
  });
const hostSpec = z.object({
  kind: z.literal("host"),
  name: resourceName,
  size: z
    .enum(Object.keys(hostSizes) as [keyof typeof hostSizes], { error: "Choose a size: small, medium or large." })
    .default("small"),
});
const bucketSpec = z.object({ kind: z.literal("bucket"), name: resourceName });
const chooseKind = { error: "Choose what to create: a service, a host, a bucket or a database." };

/** What to create in a tenant, by kind: the API's body, which names the tenant in its path. */
export const resourceSpec = z.discriminatedUnion("kind", [serviceSpec, hostSpec, bucketSpec, databaseSpec], chooseKind);

// safeExtend keeps each kind's refinements, which extend and omit would refuse or drop.
const inTenant = { tenant: tenantRef };
export const createResourceInput = z.discriminatedUnion(
  "kind",
  [
    serviceSpec.safeExtend(inTenant),
    hostSpec.safeExtend(inTenant),
    bucketSpec.safeExtend(inTenant),
    databaseSpec.safeExtend(inTenant),
  ],
  chooseKind,
);
export type CreateResourceInput = z.infer<typeof createResourceInput>;

export const deleteResourceInput = z.object({
  tenant: tenantRef,
  kind: z.enum(["service", "host", "bucket", "database"], {
    error: "Only services, hosts, buckets and databases can be deleted here.",
  }),
  name: z.string({ error: "Name the resource to delete." }).trim().min(1, "Name the resource to delete.").max(80),
  /** A database only: keep a final snapshot, named after it, before it goes. */
  finalSnapshot: z.boolean().optional(),
});
export type DeleteResourceInput = z.infer<typeof deleteResourceInput>;
