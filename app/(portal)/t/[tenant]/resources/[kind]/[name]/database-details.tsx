import { getDb } from "@/db";
import type { TenantResource } from "@/lib/resources/resource-kinds";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { CopyableValue } from "@/components/copy-button";
import { RelativeTime } from "@/components/relative-time";
import { databaseFacts } from "./database-facts";
import { FactList } from "./fact-list";
import { DatabaseStatus } from "./database-status-client";
import { RevealPassword } from "./reveal-password-client";

type Props = { tenant: { id: string; name: string }; resource: Omit<TenantResource, "kind">; canWrite: boolean };

/** A database's connection details and settings; its password only for those who may write. */
export async function DatabaseDetails({ tenant, resource, canWrite }: Props) {
  const facts = databaseFacts(resource.attributes);
  const operation = await getLatestOperation(await getDb(), tenant.id, "resource");
  const rows: [string, React.ReactNode][] = [
    [
      "Status",
      <DatabaseStatus
        key="status"
        tenant={tenant.name}
        name={resource.name}
        status={resource.status ?? "—"}
        initial={{ operation, now: new Date().toISOString() }}
      />,
    ],
    ["Endpoint", facts.endpoint ? <CopyableValue key="endpoint" value={facts.endpoint} label="endpoint" /> : "not yet"],
    ["Port", String(facts.port)],
    ["Engine", facts.engine],
    ["Size", facts.instanceClass],
    ["Storage", facts.storage],
    ["Multi-AZ", facts.multiAz],
    ["Created", <RelativeTime key="created" at={resource.createdAt ?? null} />],
    ["Cloud id", <CopyableValue key="id" value={resource.id} label="cloud id" />],
    [
      "Connection string",
      facts.connection ? (
        <CopyableValue key="connection" value={facts.connection} label="connection string" />
      ) : (
        "once it has an endpoint"
      ),
    ],
    [
      "Password",
      canWrite ? (
        <RevealPassword key="password" tenant={tenant.name} name={resource.name} />
      ) : (
        <span key="password" className="text-slate-600">
          Shown to users with write access
        </span>
      ),
    ],
  ];
  return <FactList facts={rows} />;
}
