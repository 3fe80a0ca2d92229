import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { findInventoryResource } from "@/lib/inventory/inventory-queries";
import { isUserKind, userKinds } from "@/lib/resources/resource-kinds";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { CopyableValue } from "@/components/copy-button";
import { RelativeTime } from "@/components/relative-time";
import { PageHeader } from "@/components/page-header";
import { DeleteResourceButton } from "../../delete-resource-button-client";
import { ResourceTelemetry } from "./resource-telemetry";
import { DatabaseDetails } from "./database-details";
import { FactList } from "./fact-list";

type Props = { params: Promise<{ tenant: string; kind: string; name: string }> };

export async function generateMetadata({ params }: Props) {
  const { tenant: tenantName, name } = await params;
  const { tenant } = await authorizePage("/t/[tenant]/resources/[kind]/[name]", tenantName);
  return { title: `${decodeURIComponent(name)} · ${tenant.name}` };
}

// Worth pasting into a terminal: a load balancer's address, the namespace a workload runs in.
const copyable = (attributes: Record<string, unknown>): [string, React.ReactNode][] =>
  (
    [
      ["Address", attributes.address, "address"],
      ["Namespace", attributes.namespace, "namespace"],
    ] as const
  )
    .filter(([, value]) => typeof value === "string" && value)
    .map(([label, value, what]) => [label, <CopyableValue key={what} value={String(value)} label={what} />]);

export default async function ResourceDetailPage({ params }: Props) {
  const { tenant: tenantName, kind, name: encoded } = await params;
  const { actor, tenant } = await authorizePage("/t/[tenant]/resources/[kind]/[name]", tenantName);
  const name = decodeURIComponent(encoded);
  if (!isUserKind(kind)) notFound();
  const db = await getDb();
  // As the workers last read it, like the list it is reached from.
  const resource = await findInventoryResource(db, tenant.id, userKinds[kind].cloudKind, name);
  if (!resource) notFound();
  const { singular } = userKinds[kind];
  const deletable = kind !== "load-balancer";
  const canWrite = can(actor, "tenant:write", tenant.id);
  const manageable = canWrite && deletable;
  const facts: [string, React.ReactNode][] = [
    ["Kind", singular],
    ["Status", resource.status ?? "—"],
    ["Created", <RelativeTime key="created" at={resource.createdAt} />],
    ["Cloud id", <CopyableValue key="id" value={resource.id} label="cloud id" />],
    ...Object.entries(resource.attributes)
      .filter(
        ([key, value]) =>
          !["idempotencyKey", "uid", "namespace", "address"].includes(key) &&
          value !== undefined &&
          value !== null &&
          typeof value !== "object",
      )
      .map(([key, value]): [string, React.ReactNode] => [key, String(value)]),
    ...copyable(resource.attributes),
    [
      "Tags",
      <span key="tags" className="font-mono text-xs">
        {Object.entries(resource.tags ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "none"}
      </span>,
    ],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-sky-700 hover:underline" href={`/t/${tenant.name}/resources`}>
          ← Resources
        </Link>
      </p>
      <PageHeader
        title={resource.name}
        description={`A ${singular} of ${tenant.name}.`}
        actions={
          manageable && (
            <DeleteResourceButton
              tenant={tenant.name}
              kind={kind}
              name={resource.name}
              returnTo={`/t/${tenant.name}/resources`}
            />
          )
        }
      />
      {deletable && !manageable && <ReadOnlyNotice tenant={tenant.name} what={`deleting this ${singular}`} />}
      {kind === "database" ? (
        <DatabaseDetails tenant={tenant} resource={resource} canWrite={canWrite} />
      ) : (
        <FactList facts={facts} />
      )}
      {kind === "service" || kind === "host" || kind === "database" ? (
        <ResourceTelemetry tenant={tenant} resource={resource.name} kind={userKinds[kind].cloudKind} />
      ) : (
        <p className="card p-4 text-sm text-slate-600">
          A {singular} has no metrics or logs of its own in Enclave; the services that use it do.
        </p>
      )}
    </>
  );
}
