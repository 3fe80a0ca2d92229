import { randomBytes, generateKeyPairSync } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { localCloudResources } from "@/db/schema";
import { localAlarms } from "./alarms";
import { insertResource } from "./insert-resource";
import { toRef } from "./resource-ref";
import { localDailyCosts } from "./costs";
import { localTelemetry } from "./telemetry";
import {
  databaseReadySeconds,
  databaseStatus,
  deletionAttributes,
  newDatabaseAttributes,
  refuseWhileDeleting,
} from "./databases";
import {
  ForeignResourceError,
  PermanentCloudError,
  TransientCloudError,
  type CloudDriver,
  type LocalCloudConfig,
  type ResourceKind,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";

const idPrefix: Partial<Record<ResourceKind, string>> = {
  security_group: "sg",
  security_group_rule: "sgr",
  kms_key: "key",
  key_pair: "key",
  host: "i",
};
/** A cloud id as the local cloud writes them (sg-…, i-…), around a unique suffix. */
export const localCloudId = (kind: ResourceKind, suffix: string) =>
  `${idPrefix[kind] ?? kind.replace(/_/g, "-")}-${suffix}`;
// Transient failures already served, per process: a retry sees the cloud recover.
const served = new Map<string, number>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Namespaced objects are unique per namespace, as in Kubernetes: stored as "namespace/name".
// A host's name is only its Name tag, which two tenants may share: stored as "tenant/name".
const storedName = (spec: ResourceSpec) =>
  spec.refs?.namespace
    ? `${spec.refs.namespace}/${spec.name}`
    : spec.kind === "host"
      ? `${spec.tenant}/${spec.name}`
      : spec.name;
export function createLocalDriver(
  db: Db,
  infrastructureId: string,
  config: LocalCloudConfig = {},
  clock: () => Date = () => new Date(),
): CloudDriver {
  async function callCloud(kind: ResourceKind, name: string) {
    if (config.latencyMs) await sleep(config.latencyMs);
    const fault = config.faults?.[kind];
    if (fault?.permanent)
      throw new PermanentCloudError(
        `The local cloud refused to create ${kind.replace(/_/g, " ")} ${name} (injected permanent fault).`,
      );
    const key = `${infrastructureId}:${kind}:${name}`;
    if (fault?.failTimes && (served.get(key) ?? 0) < fault.failTimes) {
      served.set(key, (served.get(key) ?? 0) + 1);
      throw new TransientCloudError(
        `Throttled by the local cloud (injected fault ${served.get(key)} of ${fault.failTimes}).`,
      );
    }
  }

  const find = (kind: string, name: string) =>
    db
      .select()
      .from(localCloudResources)
      .where(
        and(
          eq(localCloudResources.infrastructureId, infrastructureId),
          eq(localCloudResources.kind, kind),
          eq(localCloudResources.name, name),
        ),
      );

  async function listTenantResources(tenant: string): Promise<ResourceRef[]> {
    const rows = await db
      .select()
      .from(localCloudResources)
      .where(
        and(eq(localCloudResources.infrastructureId, infrastructureId), eq(localCloudResources.tenantTag, tenant)),
      );
    const now = clock();
    const refs = rows.map((row) => toRef(row, now));
    // A database whose deletion has run its course is gone from the cloud: its row goes too.
    const gone = refs.filter((ref) => ref.status === "gone").map((ref) => ref.id);
    if (gone.length > 0) await db.delete(localCloudResources).where(inArray(localCloudResources.id, gone));
    return refs.filter((ref) => ref.status !== "gone");
  }

  // A database goes slowly: the first call starts its deletion, the one that finds it over removes it.
  async function removeDatabase(row: typeof localCloudResources.$inferSelect, finalSnapshot: boolean) {
    const now = clock();
    if (!row.attributes.goneAt) {
      const deletion = deletionAttributes(row.name, now, databaseReadySeconds(config), finalSnapshot);
      await db
        .update(localCloudResources)
        .set({ attributes: { ...row.attributes, ...deletion } })
        .where(eq(localCloudResources.id, row.id));
      row = { ...row, attributes: { ...row.attributes, ...deletion } };
    }
    const status = databaseStatus(row.attributes, now);
    if (status !== "gone") return { waiting: status };
    await db.delete(localCloudResources).where(eq(localCloudResources.id, row.id));
  }

  return {
    ...localTelemetry(db, infrastructureId),
    async ensure(spec: ResourceSpec) {
      await callCloud(spec.kind, spec.name);
      const id = localCloudId(spec.kind, randomBytes(8).toString("hex"));
      const secret =
        spec.kind === "key_pair"
          ? generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString()
          : undefined;
      const given = { ...spec.attributes, ...spec.refs, idempotencyKey: spec.idempotencyKey };
      const attributes =
        spec.kind === "database"
          ? newDatabaseAttributes(given, spec.name, clock(), databaseReadySeconds(config))
          : given;
      const inserted = await insertResource(db)({
        id,
        infrastructureId,
        kind: spec.kind,
        name: storedName(spec),
        tenantTag: spec.tenant,
        attributes,
      });
      if (inserted) return { ...toRef(inserted, clock()), secret };
      const [existing] = await find(spec.kind, storedName(spec));
      if (!existing) throw new TransientCloudError(`${spec.kind} ${spec.name} is not visible yet.`);
      if (existing.tenantTag !== spec.tenant) throw new ForeignResourceError(spec.kind, spec.name, existing.tenantTag);
      if (existing.kind === "database" && existing.attributes.goneAt) refuseWhileDeleting(spec.name);
      // A quota's ensure sets its new limits, as the Kubernetes driver replaces its spec.hard.
      if (spec.kind === "resource_quota") {
        existing.attributes = { ...existing.attributes, hard: spec.attributes?.hard };
        await db
          .update(localCloudResources)
          .set({ attributes: existing.attributes })
          .where(eq(localCloudResources.id, existing.id));
      }
      return toRef(existing, clock());
    },
    async remove(ref) {
      if (config.latencyMs) await sleep(config.latencyMs);
      if (ref.kind === "database") {
        const [row] = await db
          .select()
          .from(localCloudResources)
          .where(and(eq(localCloudResources.infrastructureId, infrastructureId), eq(localCloudResources.id, ref.id)));
        return row ? removeDatabase(row, ref.attributes?.finalSnapshot === true) : undefined;
      }
      await db
        .delete(localCloudResources)
        .where(and(eq(localCloudResources.infrastructureId, infrastructureId), eq(localCloudResources.id, ref.id)));
    },
    listTenantResources,
    async checkConnectivity() {
      return { ok: true, detail: "Local cloud in the portal's database" };
    },
    async readDailyCosts(tenant, from, to) {
      return localDailyCosts(tenant, await listTenantResources(tenant), from, to, clock());
    },
    async listAlarms(tenant) {
      const running = (await listTenantResources(tenant)).filter(
        (r): r is ResourceRef & { kind: "workload" | "host" | "database" } =>
          r.kind === "workload" || r.kind === "host" || (r.kind === "database" && r.status === "available"),
      );
      return localAlarms(tenant, running, clock());
    },
  };
}
