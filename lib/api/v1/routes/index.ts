import type { ApiRoute } from "../define-route";
import { acknowledgeAlert, resolveAlert } from "./alerts-changes";
import { listAlerts } from "./alerts";
import { listAuditEvents } from "./audit";
import { deleteBudget, getBudget, putBudget } from "./budget";
import { getCosts } from "./costs";
import { deleteGrant, listGrants, putGrant } from "./grants";
import { searchLogs } from "./logs";
import { listInfrastructuresRoute } from "./infrastructures";
import { getMe } from "./me";
import { getMetrics } from "./metrics";
import { openApiRoute } from "./openapi";
import { getOperation } from "./operations";
import { listResources } from "./resources";
import { createResource, deleteResource } from "./resources-changes";
import { createTenantRoute, listTenants } from "./tenants";
import { deleteTenantRoute, getTenant, updateTenantRoute } from "./tenants-item";

export const getOpenApiDocument = openApiRoute(() => apiRoutes);

/** Every /api/v1 operation, for the OpenAPI document; each route file serves its own from here too. */
export const apiRoutes: readonly ApiRoute[] = [
  getMe,
  getOpenApiDocument,
  listTenants,
  createTenantRoute,
  listInfrastructuresRoute,
  getTenant,
  updateTenantRoute,
  deleteTenantRoute,
  getOperation,
  listGrants,
  putGrant,
  deleteGrant,
  listResources,
  createResource,
  deleteResource,
  searchLogs,
  getMetrics,
  listAlerts,
  acknowledgeAlert,
  resolveAlert,
  getCosts,
  getBudget,
  putBudget,
  deleteBudget,
  listAuditEvents,
];
