import { z } from "zod";
import { cloudDriverKinds } from "@/lib/cloud/contract";
import { cloudDescriptors } from "@/lib/cloud/registry";

// Empty form fields arrive as ""; they mean "not given".
const optionalText = z
  .string()
  .trim()
  .max(253, "That value is too long.")
  .optional()
  .transform((v) => v || undefined);

// The form's field for each config key, where the two differ: `context` is the kubeconfig context.
const fieldOf = (key: PropertyKey) => (key === "context" ? "kubeconfigContext" : key);

const fields = z.object({
  name: z
    .string({ error: "Give the infrastructure a name." })
    .trim()
    .min(2, "An infrastructure name has at least 2 characters.")
    .max(40, "An infrastructure name has at most 40 characters.")
    .regex(
      /^[a-z][a-z0-9-]*[a-z0-9]$/,
      "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
    ),
  driver: z.enum(cloudDriverKinds, { error: "Choose local, aws or kubernetes." }),
  region: optionalText,
  vpcId: optionalText,
  clusterName: optionalText,
  kubeconfigContext: optionalText,
  kubeconfig: optionalText,
  hostImageId: optionalText,
});

/** The form's settings as the driver's config; its kind's schema drops the keys it does not read. */
const configOf = (input: z.output<typeof fields>) =>
  cloudDescriptors[input.driver].configSchema.safeParse({
    vpcId: input.vpcId,
    clusterName: input.clusterName,
    context: input.kubeconfigContext,
    kubeconfig: input.kubeconfig,
    hostImageId: input.hostImageId,
  });

function regionOf({ driver, region }: z.output<typeof fields>): { region: string } | { problem: string } {
  const rule = cloudDescriptors[driver].region;
  if ("fixed" in rule) return { region: rule.fixed };
  if (region) return rule.pattern.test(region) ? { region } : { problem: rule.message };
  return rule.default ? { region: rule.default } : { problem: rule.message };
}

export const registerInfrastructureInput = fields
  .superRefine((input, ctx) => {
    const region = regionOf(input);
    if ("problem" in region) ctx.addIssue({ code: "custom", path: ["region"], message: region.problem });
    const config = configOf(input);
    for (const issue of config.error?.issues ?? [])
      ctx.addIssue({ code: "custom", path: issue.path.map(fieldOf), message: issue.message });
  })
  .transform((input) => ({
    name: input.name,
    driver: input.driver,
    region: (regionOf(input) as { region: string }).region,
    config: configOf(input).data!,
  }));
export type RegisterInfrastructureInput = z.output<typeof registerInfrastructureInput>;
