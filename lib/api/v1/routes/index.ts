import type { ApiRoute } from "../define-route";
import { getMe } from "./me";

/** Every /api/v1 operation, for the OpenAPI document; each route file serves its own from here too. */
export const apiRoutes: readonly ApiRoute[] = [getMe];
