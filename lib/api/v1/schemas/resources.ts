import { z } from "zod";
import { deleteResourceInput, resourceSpec } from "@/lib/resources/resource-input";
import { userKinds, type UserKind } from "@/lib/resources/resource-kinds";
import { pageOf, pageQuery } from "../schemas/page";
import { apiOperation } from "./operation";

export const apiResource = z
  .object({
    kind: z.enum(Object.keys(userKinds) as [UserKind, ...UserKind[]]),
    name: z.string().meta({ description: "The cloud's name: a bucket's or a database's carries the tenant prefix." }),
    id: z.string().meta({ description: "The cloud's own id." }),
    status: z.string().nullable().meta({ description: "What the cloud says of it now (running, 2/2 ready…)." }),
    createdAt: z.string().nullable(),
    tags: z.record(z.string(), z.string()),
    attributes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Resource", description: "A service, load balancer, host, bucket or database of the tenant." });

export const resourceListQuery = pageQuery;

export const resourceList = pageOf(apiResource)
  .extend({
    refreshedAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: "When the workers last listed the tenant's cloud; null before the first listing." }),
  })
  .meta({ id: "ResourceList" });

export const newResource = resourceSpec.meta({
  id: "NewResource",
  description: "What to create, by kind. A service, a host, a bucket or a database (RDS on AWS).",
});

export const resourceChange = z
  .object({
    resource: z.object({ kind: z.enum(["service", "host", "bucket", "database"]), name: z.string() }),
    operation: apiOperation,
  })
  .meta({ id: "ResourceChange", description: "The change asked for, and the operation that makes it." });

export const resourcePath = z.object({ kind: deleteResourceInput.shape.kind, name: z.string().min(1).max(80) });

export const resourceDeletionQuery = z.object({
  finalSnapshot: z
    .enum(["true", "false"], { error: "finalSnapshot is true or false." })
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "A database only: keep a final snapshot, named after it, before it goes." }),
});
