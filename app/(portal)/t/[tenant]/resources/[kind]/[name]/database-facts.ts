import type { DatabaseEngine } from "@/lib/cloud/contract/databases";
import { databaseEngineLabels, defaultDatabaseName } from "@/lib/resources/database-options";

const schemes: Record<DatabaseEngine, string> = { postgres: "postgresql", mysql: "mysql" };

/** What a database's page shows, from the attributes its cloud reports; the password is never among them. */
export function databaseFacts(attributes: Record<string, unknown>) {
  const engine = (attributes.engine === "mysql" ? "mysql" : "postgres") as DatabaseEngine;
  const endpoint = typeof attributes.endpoint === "string" ? attributes.endpoint : null;
  const port = Number(attributes.port) || (engine === "mysql" ? 3306 : 5432);
  const user = String(attributes.masterUsername ?? "");
  return {
    endpoint,
    port,
    engine: `${databaseEngineLabels[engine]} ${String(attributes.engineVersion ?? "")}`.trim(),
    instanceClass: String(attributes.instanceClass ?? "—"),
    storage: attributes.storageGiB ? `${String(attributes.storageGiB)} GiB` : "—",
    multiAz: attributes.multiAz === true ? "Yes, with a standby" : "No",
    connection: endpoint ? `${schemes[engine]}://${user}@${endpoint}:${port}/${defaultDatabaseName[engine]}` : null,
  };
}
