export { createKubernetesDriver } from "./driver";
export type { KubernetesDriverOptions } from "./client";
