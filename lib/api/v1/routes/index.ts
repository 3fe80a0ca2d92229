import type { ApiRoute } from "../define-route";
import { acknowledgeAlert, resolveAlert } from "./alerts-changes";
import { listAlerts } from "./alerts";
import { deleteBudget, getBudget, putBudget } from "./budget";
import { getCosts } from "./costs";
import { searchLogs } from "./logs";
import { getMe } from "./me";
import { getMetrics } from "./metrics";
import { listResources } from "./resources";
import { createResource, deleteResource } from "./resources-changes";

/** Every /api/v1 operation, for the OpenAPI document; each route file serves its own from here too. */
export const apiRoutes: readonly ApiRoute[] = [
  getMe,
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
];
