import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  VersionApi,
} from "@kubernetes/client-node";

export interface KubernetesDriverOptions {
  /** A kubeconfig file path, or the kubeconfig itself (YAML or JSON). */
  kubeconfig?: string;
  /** The kubeconfig context to use instead of its current one. */
  context?: string;
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

/** Neither option: the in-cluster service account; a context alone: the default kubeconfig. */
export function loadKubeConfig({ kubeconfig, context }: KubernetesDriverOptions): KubeConfig {
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
