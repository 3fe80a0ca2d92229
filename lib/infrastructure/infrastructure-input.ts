import { z } from "zod";

// Empty form fields arrive as ""; they mean "not given".
const optionalText = z
  .string()
  .trim()
  .max(253, "That value is too long.")
  .optional()
  .transform((v) => v || undefined);

const rules = {
  region: { pattern: /^[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/, message: "Give an AWS region such as eu-west-1." },
  vpcId: { pattern: /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/, message: "Give the VPC id, such as vpc-0a1b2c3d." },
  clusterName: {
    pattern: /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
    message: "An EKS cluster name has letters, digits, hyphens and underscores.",
  },
  kubeconfigContext: { pattern: /^[\w.:@/-]+$/, message: "A kubeconfig context name has no spaces." },
  label: { pattern: /^[a-z0-9][a-z0-9-]{0,31}$/, message: "A region is a short label such as eu-west-1 or on-prem." },
} as const;

export const registerInfrastructureInput = z
  .object({
    name: z
      .string({ error: "Give the infrastructure a name." })
      .trim()
      .min(2, "An infrastructure name has at least 2 characters.")
      .max(40, "An infrastructure name has at most 40 characters.")
      .regex(
        /^[a-z][a-z0-9-]*[a-z0-9]$/,
        "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
      ),
    driver: z.enum(["local", "aws", "kubernetes"], { error: "Choose local, aws or kubernetes." }),
    region: optionalText,
    vpcId: optionalText,
    clusterName: optionalText,
    kubeconfigContext: optionalText,
  })
  .superRefine((input, ctx) => {
    const check = (
      field: keyof typeof rules & keyof typeof input,
      rule: keyof typeof rules,
      required: string | null,
    ) => {
      const value = input[field];
      if (!value) {
        if (required) ctx.addIssue({ code: "custom", path: [field], message: required });
      } else if (!rules[rule].pattern.test(value))
        ctx.addIssue({ code: "custom", path: [field], message: rules[rule].message });
    };
    if (input.driver === "aws") {
      check("region", "region", rules.region.message);
      check("vpcId", "vpcId", rules.vpcId.message);
      check("clusterName", "clusterName", null);
      check("kubeconfigContext", "kubeconfigContext", null);
      if (!input.clusterName && !input.kubeconfigContext) {
        ctx.addIssue({
          code: "custom",
          path: ["clusterName"],
          message: "Give the EKS cluster name or a kubeconfig context for the cluster.",
        });
      }
    }
    if (input.driver === "kubernetes") {
      check("kubeconfigContext", "kubeconfigContext", "Give the kubeconfig context of the cluster.");
      check("region", "label", null);
    }
  })
  // Config keys as lib/cloud/index.ts reads them: `context` is the kubeconfig context.
  .transform(({ name, driver, region, vpcId, clusterName, kubeconfigContext: context }) => {
    if (driver === "aws") return { name, driver, region: region!, config: { vpcId, clusterName, context } };
    if (driver === "kubernetes") return { name, driver, region: region ?? "unspecified", config: { context } };
    return { name, driver, region: "local", config: {} };
  });
export type RegisterInfrastructureInput = z.output<typeof registerInfrastructureInput>;
