import type { z } from "zod";
import type { ApiOperation, apiPolicy } from "@/lib/auth/route-policy";
import type { ServiceContext, TenantServiceContext } from "@/lib/context/service-context";

/** A route under /[tenant] gets its tenant found and authorized; the others get none. */
export type ApiContext<O extends ApiOperation> = O extends `${string}[tenant]${string}`
  ? TenantServiceContext & { params: Record<string, string> }
  : (typeof apiPolicy)[O] extends "public"
    ? Omit<ServiceContext, "actor"> & { actor: null; params: Record<string, string> }
    : ServiceContext & { params: Record<string, string> };

type Schema = z.ZodType;
type Input<S> = S extends Schema ? z.output<S> : undefined;

/**
 * One /api/v1 operation: what it takes and answers (the zod schemas the OpenAPI document is made
 * from, so the document cannot drift from what is checked) and the service call in between.
 * `params` are the path's segments other than the tenant, which the door has already resolved.
 */
export interface ApiRoute<
  O extends ApiOperation = ApiOperation,
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> {
  operation: O;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless said: 201 for a thing made at once, 202 for long work answered with its operation. */
  status?: 200 | 201 | 202;
  /** Error statuses this operation can answer beyond the ones every operation can (400, 401, 404, 429). */
  errors?: readonly (403 | 409 | 422 | 502)[];
  handle(ctx: ApiContext<O>, input: { params: Input<P>; query: Input<Q>; body: Input<B> }): Promise<z.input<R>>;
}

/** Identity, with the types checked: `defineApiRoute({ operation: "GET /api/v1/tenants", ... })`. */
export function defineApiRoute<
  O extends ApiOperation,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(route: ApiRoute<O, P, Q, B, R>): ApiRoute<O, P, Q, B, R> {
  return route;
}
