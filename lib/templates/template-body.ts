import { z } from "zod";
import { createAlertRuleInput } from "@/lib/alerts/alert-input";
import { setBudgetInput } from "@/lib/billing/budget-input";
import { cloudDriverKinds } from "@/lib/cloud/contract";
import { createGroupMappingInput } from "@/lib/group-mappings/create-group-mapping";
import { addNetworkRuleInput } from "@/lib/network/rule-input";
import { createChannelInput } from "@/lib/notifications/channel-input";
import { createResourceInput } from "@/lib/resources/resource-input";
import { createTenantInput, tenantQuota } from "@/lib/tenants/tenant-input";
import { infrastructureKindHolds, kindWord } from "./resource-fit";
import { withoutTenant } from "./without-tenant";

const list = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z
    .array(item, { error: `${what} is a list.` })
    .max(max, `At most ${max} ${what.toLowerCase()}.`)
    .default([]);

// The channel's own fields without its async host check: the target is checked again when it is used.
const { name: channelName, kind: channelKind, target: channelTarget } = createChannelInput.shape;
const templateChannel = z.object({
  name: channelName,
  kind: channelKind,
  target: channelTarget,
  /** The URL's secret part (path, query) was left out when saving; the channel starts off until it is given. */
  targetToFillIn: z.boolean().default(false),
});

const { group, level } = createGroupMappingInput.options[1].shape;

// Kept so the people who approved them can approve them again; never applied by a template.
const templateShare = z.object({
  direction: z.enum(["granted", "received"], { error: "A share is granted or received." }),
  otherTenant: z.string().trim().min(1, "Name the other tenant.").max(64),
  resourceKind: z.enum(["bucket", "database"], { error: "A share is of a bucket or a database." }),
  resource: z.string().trim().min(1, "Name the shared resource.").max(80),
  access: z.enum(["read", "read-write", "connect"], { error: "Access is read, read-write or connect." }),
});

/** What a template holds: a tenant's settings and contents, without its name or its secrets. */
export const templateBody = z
  .object({
    infrastructureKind: z.enum(cloudDriverKinds, {
      error: `The infrastructure kind is ${cloudDriverKinds.join(", ")}.`,
    }),
    quota: tenantQuota,
    // Days from creation rather than an instant, which a template would outlive.
    expiresAfterDays: z
      .number({ error: "The expiry is a number of days." })
      .int("The expiry is a whole number of days.")
      .min(1, "The expiry is at least 1 day.")
      .max(3650, "The expiry is at most 3650 days.")
      .nullish(),
    deletionProtection: createTenantInput.shape.deletionProtection,
    resources: list(withoutTenant(createResourceInput), "Resources", 100),
    alertRules: list(withoutTenant(createAlertRuleInput), "Alert rules", 100),
    budget: withoutTenant(setBudgetInput).nullish(),
    channels: list(templateChannel, "Channels", 20),
    groupMappings: list(z.object({ group, level }), "Group mappings", 50),
    networkRules: list(withoutTenant(addNetworkRuleInput), "Network rules", 100),
    shares: list(templateShare, "Shares", 100),
  })
  .superRefine((body, ctx) => {
    body.resources.forEach((resource, index) => {
      if (!infrastructureKindHolds(body.infrastructureKind, resource.kind))
        ctx.addIssue({
          code: "custom",
          path: ["resources", index, "kind"],
          message: `A ${body.infrastructureKind} infrastructure has no ${kindWord(resource.kind)}s; remove ${resource.name} or choose another infrastructure kind.`,
        });
    });
  });
export type TemplateBody = z.output<typeof templateBody>;
export type TemplateResource = TemplateBody["resources"][number];

/** The first problem of a body, with where it is: "resources.2.storageGiB: …". */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The template is not valid.";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

export type ParsedTemplate = { ok: true; body: TemplateBody } | { ok: false; error: string };

/** A body from JSON text or a value, checked whole; the answer names the first error's path. */
export function parseTemplateBody(input: unknown): ParsedTemplate {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `The template is not valid JSON: ${(error as Error).message}` };
    }
  }
  const parsed = templateBody.safeParse(value);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, error: describeFirstIssue(parsed.error) };
}
