import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Infrastructure } from "@/db/schema";
import { combineDrivers } from "./composite-driver";
import {
  awsCloudConfig,
  kubernetesCloudConfig,
  localCloudConfig,
  type CloudDriver,
  type CloudDriverKind,
  type KubernetesCloudConfig,
} from "./contract";
import { createLocalDriver } from "./local";

/** What the portal knows of one kind of cloud: how to check its settings and how to reach it. */
export interface CloudDescriptor<Config> {
  kind: CloudDriverKind;
  label: string;
  /** One sentence for the admin choosing it. */
  description: string;
  configSchema: z.ZodType<Config>;
  /** Its logs and metrics are simulated into the portal's own tables, as they happen, by the portal itself. */
  simulatedTelemetry: boolean;
  /** The infrastructure's region: always the same, or checked (and required unless it has a default). */
  region: { fixed: string } | { pattern: RegExp; message: string; default?: string };
  create(db: Db, infrastructure: Omit<Infrastructure, "config"> & { config: Config }): Promise<CloudDriver>;
}

// The AWS SDK and the Kubernetes client load when an infrastructure of their kind is first opened.
// Loaded at start they were over a third of the server's live heap (122 MB against 77 after the
// same requests, docs/benchmarks.md), carried and marked by every full collection on the local cloud.
// The cluster by its EKS name (lib/cloud/kubernetes resolves it) or by a context of a kubeconfig.
async function clusterDriver(config: KubernetesCloudConfig & { clusterName?: string }, region: string) {
  const { createKubernetesDriver } = await import("./kubernetes");
  return createKubernetesDriver({
    kubeconfig: config.kubeconfig,
    context: config.context,
    eks: config.clusterName ? { clusterName: config.clusterName, region } : undefined,
  });
}

export const localCloud: CloudDescriptor<z.infer<typeof localCloudConfig>> = {
  kind: "local",
  label: "Local",
  description: "A simulated AWS account and cluster kept in the portal's own database, for demos and trials.",
  configSchema: localCloudConfig,
  simulatedTelemetry: true,
  region: { fixed: "local" },
  create: async (db, infrastructure) => createLocalDriver(db, infrastructure.id, infrastructure.config),
};

export const awsCloud: CloudDescriptor<z.infer<typeof awsCloudConfig>> = {
  kind: "aws",
  label: "AWS",
  description: "A VPC and EKS cluster in one AWS region, reached with the portal's default AWS credentials.",
  configSchema: awsCloudConfig,
  simulatedTelemetry: false,
  region: { pattern: /^[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/, message: "Give an AWS region such as eu-west-1." },
  create: async (db, { region, config }) => {
    const { createAwsDriver } = await import("./aws");
    return combineDrivers(createAwsDriver({ region, vpcId: config.vpcId }), await clusterDriver(config, region));
  },
};

export const kubernetesCloud: CloudDescriptor<z.infer<typeof kubernetesCloudConfig>> = {
  kind: "kubernetes",
  label: "Kubernetes",
  description: "A Kubernetes cluster only, reached through a context of the portal's kubeconfig.",
  configSchema: kubernetesCloudConfig,
  simulatedTelemetry: false,
  region: {
    pattern: /^[a-z0-9][a-z0-9-]{0,31}$/,
    message: "A region is a short label such as eu-west-1 or on-prem.",
    default: "unspecified",
  },
  create: async (db, { region, config }) => combineDrivers(null, await clusterDriver(config, region)),
};
