import { z } from "zod";
import { resourceKinds } from "./resource-kinds";

/** Every kind of cloud an infrastructure can be; the `cloud_driver` column's values. */
export const cloudDriverKinds = ["local", "aws", "kubernetes"] as const;
export type CloudDriverKind = (typeof cloudDriverKinds)[number];

const matching = (pattern: RegExp, message: string) => z.string().regex(pattern, message).optional();
const kubeconfig = z.string().min(1).optional();
const context = matching(/^[\w.:@/-]+$/, "A kubeconfig context name has no spaces.");

/** Per-kind faults, for demos and tests: fail N times transiently, or fail for good. */
const faults = z.partialRecord(
  z.enum(resourceKinds),
  z.object({ failTimes: z.number().int().min(0).optional(), permanent: z.boolean().optional() }),
);
export const localCloudConfig = z.object({
  latencyMs: z.number().int().min(0).optional(),
  faults: faults.optional(),
  /** How long a simulated database takes to become available (and half that to back up or delete). */
  databaseReadySeconds: z.number().int().min(0).max(3600).optional(),
});

export const awsCloudConfig = z
  .object({
    vpcId: z
      .string({ error: "Give the VPC id, such as vpc-0a1b2c3d." })
      .regex(/^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/, "Give the VPC id, such as vpc-0a1b2c3d."),
    clusterName: matching(
      /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
      "An EKS cluster name has letters, digits, hyphens and underscores.",
    ),
    context,
    kubeconfig,
    hostImageId: matching(/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/, "Give the machine image id, such as ami-0a1b2c3d."),
  })
  .refine((c) => c.clusterName || c.context, {
    path: ["clusterName"],
    message: "Give the EKS cluster name or a kubeconfig context for the cluster.",
  });

export const kubernetesCloudConfig = z.object({ context, kubeconfig }).refine((c) => c.context || c.kubeconfig, {
  path: ["context"],
  message: "Give the kubeconfig context of the cluster.",
});

export type LocalCloudConfig = z.infer<typeof localCloudConfig>;
export type LocalFaults = NonNullable<LocalCloudConfig["faults"]>;
export type AwsCloudConfig = z.infer<typeof awsCloudConfig>;
export type KubernetesCloudConfig = z.infer<typeof kubernetesCloudConfig>;
/** What an infrastructure's `config` column holds, checked against its kind's schema when read. */
export type CloudConfig = LocalCloudConfig | AwsCloudConfig | KubernetesCloudConfig;
