import type { Permission } from "./policy";

/**
 * "public": anyone; "signed-in": any active user; a permission: tenant permissions are checked
 * on the tenant named by the route's [tenant] segment (or an action's `tenant` field).
 */
export type Access = "public" | "signed-in" | Permission;

// Every page and route handler, by its path in app/ (route groups left out). The authorization
// test enumerates the build's routes and fails on any route missing here.
export const routePolicy = {
  "/login": "public",
  "/api/health": "public",
  "/api/health/live": "public",
  "/api/health/ready": "public",
  "/api/auth/[...nextauth]": "public",
  "/": "signed-in",
  "/tenants": "signed-in",
  "/tenants/new": "admin:write",
  "/account": "signed-in",
  "/api/me": "signed-in",
  "/api/tenants": "signed-in",
  // The interactive reference of /api/v1 (a session, not a token) and its script, served from node_modules.
  "/api-reference": "signed-in",
  "/api-reference/scalar.js": "signed-in",
  "/t/[tenant]": "tenant:read",
  "/t/[tenant]/resources": "tenant:read",
  "/t/[tenant]/resources/[kind]/[name]": "tenant:read",
  "/t/[tenant]/logs": "tenant:read",
  "/t/[tenant]/metrics": "tenant:read",
  "/t/[tenant]/alerts": "tenant:read",
  "/t/[tenant]/billing": "tenant:read",
  "/t/[tenant]/access": "tenant:read",
  "/t/[tenant]/network": "tenant:read",
  "/t/[tenant]/settings": "tenant:read",
  "/api/t/[tenant]": "tenant:read",
  "/api/t/[tenant]/operation": "tenant:read",
  "/api/t/[tenant]/inventory": "tenant:read",
  "/api/t/[tenant]/pem": "tenant:write",
  "/api/t/[tenant]/logs": "tenant:read",
  "/api/t/[tenant]/logs/stream": "tenant:read",
  "/api/t/[tenant]/metrics": "tenant:read",
  "/api/t/[tenant]/alerts/summary": "tenant:read",
  "/api/t/[tenant]/billing/export": "tenant:read",
  "/api/t/[tenant]/resources": "tenant:read",
  "/admin": "admin:read",
  "/admin/users": "admin:read",
  "/admin/users/[id]": "admin:read",
  "/admin/groups": "admin:read",
  "/admin/infrastructure": "admin:read",
  "/admin/audit": "admin:read",
  "/api/admin/audit/export": "admin:read",
  "/admin/billing": "admin:read",
  "/admin/alerts": "admin:read",
  "/api/admin/users": "admin:read",
  "/admin/templates": "admin:read",
  "/admin/templates/[name]": "admin:read",
  "/admin/service-accounts": "admin:read",
  "/admin/service-accounts/[id]": "admin:read",
  "/admin/tokens": "admin:read",
} as const satisfies Record<string, Access>;
export type RouteKey = keyof typeof routePolicy;

// Every server action, by its exported name; the test reads the build's server-action manifest.
export const actionPolicy = {
  updateOwnProfile: "signed-in",
  changeOwnPassword: "signed-in",
  createLocalUser: "admin:write",
  setUserRole: "admin:write",
  setUserStatus: "admin:write",
  resetUserPassword: "admin:write",
  signOutUserEverywhere: "admin:write",
  grantTenantAccess: "admin:write",
  revokeTenantAccess: "admin:write",
  createTenant: "admin:write",
  retryTenantProvisioning: "admin:write",
  updateTenantSettings: "admin:write",
  deleteTenant: "admin:write",
  registerInfrastructure: "admin:write",
  addNetworkRule: "tenant:write",
  removeNetworkRule: "tenant:write",
  createResource: "tenant:write",
  deleteResource: "tenant:write",
  // Re-reads what readers already see and changes nothing; rate-limited per tenant (lib/inventory).
  refreshInventory: "tenant:read",
  acknowledgeAlert: "tenant:write",
  resolveAlert: "tenant:write",
  createAlertRule: "tenant:write",
  setAlertRuleEnabled: "tenant:write",
  deleteAlertRule: "tenant:write",
  createNotificationChannel: "tenant:write",
  deleteNotificationChannel: "tenant:write",
  setNotificationChannelEnabled: "tenant:write",
  testNotificationChannel: "tenant:write",
  setBudget: "tenant:write",
  removeBudget: "tenant:write",
  createGroupMapping: "admin:write",
  deleteGroupMapping: "admin:write",
  setTenantFavorite: "tenant:read",
  recordTenantVisit: "tenant:read",
  // Hands out a secret: audited as database.password_revealed (lib/resources/reveal-database-password.ts).
  revealDatabasePassword: "tenant:write",
  // Shares: B's writers request; A's writers decide; either side's writers revoke; admins create at once.
  requestShare: "tenant:write",
  decideShare: "tenant:write",
  revokeShare: "tenant:write",
  createShare: "admin:write",
  saveTemplate: "admin:write",
  saveTenantAsTemplate: "admin:write",
  createTenantFromTemplate: "admin:write",
  createTenantLike: "admin:write",
  // Personal access tokens: anyone signed in makes and revokes their own (the service checks whose it is).
  createOwnToken: "signed-in",
  revokeOwnToken: "signed-in",
  createServiceAccount: "admin:write",
  createServiceAccountToken: "admin:write",
  revokeAnyToken: "admin:write",
} as const satisfies Record<string, Access>;
export type ActionName = keyof typeof actionPolicy;

// Every /api/v1 operation, by method and path: the API answers only to bearer tokens, whose actor is
// the token's owner capped at the token's scope (lib/auth/policy). The authorization matrix and the
// OpenAPI completeness test both read this table.
export const apiPolicy = {
  "GET /api/v1/openapi.json": "public",
  "GET /api/v1/me": "signed-in",
  "GET /api/v1/tenants": "signed-in",
  "POST /api/v1/tenants": "admin:write",
  "GET /api/v1/infrastructures": "admin:read",
  "GET /api/v1/tenants/[tenant]": "tenant:read",
  "PATCH /api/v1/tenants/[tenant]": "admin:write",
  "DELETE /api/v1/tenants/[tenant]": "admin:write",
  "GET /api/v1/tenants/[tenant]/operations/[operation]": "tenant:read",
  "GET /api/v1/tenants/[tenant]/grants": "tenant:read",
  "PUT /api/v1/tenants/[tenant]/grants/[user]": "admin:write",
  "DELETE /api/v1/tenants/[tenant]/grants/[user]": "admin:write",
  "GET /api/v1/tenants/[tenant]/resources": "tenant:read",
  "POST /api/v1/tenants/[tenant]/resources": "tenant:write",
  "DELETE /api/v1/tenants/[tenant]/resources/[kind]/[name]": "tenant:write",
  "GET /api/v1/tenants/[tenant]/logs": "tenant:read",
  "GET /api/v1/tenants/[tenant]/metrics": "tenant:read",
  "GET /api/v1/tenants/[tenant]/alerts": "tenant:read",
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/acknowledge": "tenant:write",
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/resolve": "tenant:write",
  "GET /api/v1/tenants/[tenant]/costs": "tenant:read",
  "GET /api/v1/tenants/[tenant]/budget": "tenant:read",
  "PUT /api/v1/tenants/[tenant]/budget": "tenant:write",
  "DELETE /api/v1/tenants/[tenant]/budget": "tenant:write",
  "GET /api/v1/audit": "admin:read",
} as const satisfies Record<`${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/v1/${string}`, Access>;
export type ApiOperation = keyof typeof apiPolicy;
