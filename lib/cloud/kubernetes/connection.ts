import type { CoreV1Api } from "@kubernetes/client-node";
import { PermanentCloudError, TransientCloudError } from "../contract";
import { createKubernetesApis, loadKubeConfig, type KubernetesApis, type KubernetesDriverOptions } from "./client";
import type { KubernetesKind } from "./manifests";
import { createObjectApis, type ObjectApi } from "./object-apis";

export interface KubernetesConnection {
  objects: Record<KubernetesKind, ObjectApi>;
  core: CoreV1Api;
  version: KubernetesApis["version"];
}

async function openConnection(options: KubernetesDriverOptions): Promise<KubernetesConnection> {
  try {
    const apis = createKubernetesApis(await loadKubeConfig(options));
    return { objects: createObjectApis(apis), core: apis.core, version: apis.version };
  } catch (error) {
    // An EKS lookup already says whether it is worth retrying.
    if (error instanceof TransientCloudError || error instanceof PermanentCloudError) throw error;
    throw new PermanentCloudError(
      `Kubernetes configuration could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Connects on first use, so a bad kubeconfig or an unknown EKS cluster shows up as a readable
 * error rather than at start; a failed attempt is not kept, so the next call tries again.
 */
export function createLazyConnection(options: KubernetesDriverOptions): () => Promise<KubernetesConnection> {
  let connecting: Promise<KubernetesConnection> | undefined;
  return () => {
    connecting ??= openConnection(options).catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  };
}
