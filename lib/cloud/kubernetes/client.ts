import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  VersionApi,
} from "@kubernetes/client-node";
import { loadEksKubeConfig, type EksClusterOptions } from "./eks-cluster";

export interface KubernetesDriverOptions {
  /** A kubeconfig file path, or the kubeconfig itself (YAML or JSON). */
  kubeconfig?: string;
  /** The kubeconfig context to use instead of its current one. */
  context?: string;
  /** An EKS cluster reached with the portal's AWS credentials; a given kubeconfig still comes first. */
  eks?: EksClusterOptions;
}

export interface KubernetesApis {
  core: CoreV1Api;
  apps: AppsV1Api;
  rbac: RbacAuthorizationV1Api;
  networking: NetworkingV1Api;
  version: VersionApi;
}

function looksLikeKubeconfigContent(value: string): boolean {
  return value.includes("\n") || value.trimStart().startsWith("{") || /^\s*apiVersion:/.test(value);
}

/** A given kubeconfig, else the EKS cluster, else with a context the default kubeconfig, else the in-cluster service account. */
export async function loadKubeConfig({ kubeconfig, context, eks }: KubernetesDriverOptions): Promise<KubeConfig> {
  if (!kubeconfig && eks) return loadEksKubeConfig(eks);
  const config = new KubeConfig();
  if (kubeconfig && looksLikeKubeconfigContent(kubeconfig)) config.loadFromString(kubeconfig);
  else if (kubeconfig) config.loadFromFile(kubeconfig);
  else if (context) config.loadFromDefault();
  else config.loadFromCluster();
  if (context) config.setCurrentContext(context);
  return config;
}

export function createKubernetesApis(config: KubeConfig): KubernetesApis {
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    rbac: config.makeApiClient(RbacAuthorizationV1Api),
    networking: config.makeApiClient(NetworkingV1Api),
    version: config.makeApiClient(VersionApi),
  };
}
