import type { DatabaseEngine } from "@/lib/cloud/contract/databases";

// Plain data, no zod: the new-resource form offers these and the server's schema checks against them.

/** The engine versions offered, newest first (RDS's current minor versions of each major line). */
export const databaseVersions: Record<DatabaseEngine, readonly string[]> = {
  postgres: ["16.4", "15.8"],
  mysql: ["8.4.3", "8.0.39"],
};

export const databaseEngineLabels: Record<DatabaseEngine, string> = { postgres: "PostgreSQL", mysql: "MySQL" };

/** Instance classes by size: Graviton burstable classes, the cheapest RDS sells for each memory size. */
export const databaseSizes = {
  small: { instanceClass: "db.t4g.micro", label: "Small (2 vCPU, 1 GiB)" },
  medium: { instanceClass: "db.t4g.small", label: "Medium (2 vCPU, 2 GiB)" },
  large: { instanceClass: "db.t4g.medium", label: "Large (2 vCPU, 4 GiB)" },
} as const;
export type DatabaseSize = keyof typeof databaseSizes;

/** gp3 storage: RDS's floor for gp3 is 20 GiB; the ceiling is the portal's, to bound a typo's cost. */
export const databaseStorage = { min: 20, max: 1000 } as const;

/** The database a fresh instance has, by engine, for a connection string. */
export const defaultDatabaseName: Record<DatabaseEngine, string> = { postgres: "postgres", mysql: "mysql" };
