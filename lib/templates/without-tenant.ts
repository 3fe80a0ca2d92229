import { z } from "zod";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A tenant-scoped input schema used inside a template, where the tenant is not known yet: the
 * schema runs whole (its refinements and every variant included) with a stand-in tenant, which is
 * then dropped. `.omit` would not do: zod refuses it on a schema with refinements.
 */
export function withoutTenant<S extends z.ZodType<{ tenant: string }>>(schema: S) {
  return z
    .preprocess((value) => (isRecord(value) ? { ...value, tenant: "template" } : value), schema)
    .transform((parsed) => {
      const { tenant, ...rest } = parsed as z.output<S> & { tenant: string };
      void tenant;
      return rest as Omit<z.output<S>, "tenant">;
    });
}
