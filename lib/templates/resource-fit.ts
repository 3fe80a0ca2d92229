import type { CloudDriver, ResourceKind } from "@/lib/cloud/contract";
import { kubernetesKinds } from "@/lib/cloud/contract";
import { userKinds } from "@/lib/resources/resource-kinds";
import type { ResourceRequest } from "@/db/schema";

/** The cloud kind a template's resource becomes (a service is a workload). */
export const cloudKindOf = (kind: ResourceRequest["kind"]): ResourceKind =>
  (userKinds as Record<string, { cloudKind: ResourceKind }>)[kind]?.cloudKind ?? (kind as ResourceKind);

export const kindWord = (kind: ResourceRequest["kind"]) =>
  (userKinds as Record<string, { singular: string }>)[kind]?.singular ?? kind;

/** What a kind of infrastructure can hold before a driver is asked: a bare cluster has no AWS account. */
export function infrastructureKindHolds(infrastructureKind: string, kind: ResourceRequest["kind"]): boolean {
  return infrastructureKind !== "kubernetes" || kubernetesKinds.includes(cloudKindOf(kind));
}

/** The resources of a template the chosen infrastructure's driver cannot hold, as a sentence, or null. */
export function unfitResources(
  driver: Pick<CloudDriver, "supports">,
  resources: { kind: ResourceRequest["kind"]; name: string }[],
): string | null {
  const refused = resources.filter((r) => driver.supports && !driver.supports(cloudKindOf(r.kind)));
  if (refused.length === 0) return null;
  return refused.map((r) => `${kindWord(r.kind)} ${r.name}`).join(", ");
}
