export { createKubernetesDriver } from "./driver";
export type { KubernetesDriverOptions } from "./client";
export type { EksClusterOptions } from "./eks-cluster";
