import type { ApiRoute } from "../define-route";
import { listAuditEvents } from "./audit";
import { deleteGrant, listGrants, putGrant } from "./grants";
import { getMe } from "./me";
import { openApiRoute } from "./openapi";
import { getOperation } from "./operations";
import { createTenantRoute, listTenants } from "./tenants";
import { deleteTenantRoute, getTenant, updateTenantRoute } from "./tenants-item";

export const getOpenApiDocument = openApiRoute(() => apiRoutes);

/** Every /api/v1 operation, for the OpenAPI document; each route file serves its own from here too. */
export const apiRoutes: readonly ApiRoute[] = [
  getMe,
  getOpenApiDocument,
  listTenants,
  createTenantRoute,
  getTenant,
  updateTenantRoute,
  deleteTenantRoute,
  getOperation,
  listGrants,
  putGrant,
  deleteGrant,
  listAuditEvents,
];
