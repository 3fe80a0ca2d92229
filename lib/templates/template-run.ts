import type { TemplateRun } from "@/db/schema";
import { toCreateRequest } from "@/lib/resources/request-resource-change";
import type { CreateResourceInput } from "@/lib/resources/resource-input";
import type { TemplateBody } from "./template-body";

/** What a template keeps but never applies: each needs the approval of someone on the other side again. */
export function toReapprove(body: TemplateBody): string[] {
  const ports = (r: TemplateBody["networkRules"][number]) =>
    r.fromPort === undefined
      ? ""
      : r.toPort && r.toPort !== r.fromPort
        ? ` ${r.fromPort}-${r.toPort}`
        : ` ${r.fromPort}`;
  return [
    ...body.networkRules.map(
      (r) => `network rule from ${r.sourceTenant ? `tenant ${r.sourceTenant}` : r.cidr} (${r.protocol}${ports(r)})`,
    ),
    ...body.shares.map(
      (s) =>
        `${s.access} share of ${s.resourceKind} ${s.resource} ${s.direction === "granted" ? "to" : "from"} ${s.otherTenant}`,
    ),
  ];
}

/**
 * A body as the engine runs it for one new tenant: each resource as the request a single resource
 * operation would make (the same naming, sizes and image), and the rows to insert.
 */
export function toTemplateRun(
  tenant: string,
  body: TemplateBody,
  origin: TemplateRun["origin"],
  hostImageId: string | undefined,
): TemplateRun {
  return {
    origin,
    resources: body.resources.map((r) => toCreateRequest(tenant, { ...r, tenant } as CreateResourceInput, hostImageId)),
    rows: {
      alertRules: body.alertRules,
      budget: body.budget ?? null,
      channels: body.channels.map(({ targetToFillIn, ...c }) => ({ ...c, enabled: !targetToFillIn })),
      groupMappings: body.groupMappings,
      channelsToFillIn: body.channels.filter((c) => c.targetToFillIn).map((c) => c.name),
      toReapprove: toReapprove(body),
    },
  };
}
