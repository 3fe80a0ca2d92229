import type { CoreV1Api, V1Pod } from "@kubernetes/client-node";
import { tenantLabelKey, type CloudLogLine, type CloudLogQuery } from "../contract";
import { readHttpStatus } from "./errors";
import { matchesLogQuery, parsePodLogLine, type PodLogLine } from "./log-lines";
import { pageNewestFirst } from "./log-pages";
import { appNameLabelKey, readOwner } from "./metadata";

// Bounds per read: the newest lines of each container only. limitBytes cuts the *end* of the
// tail, so it is a memory guard set well above tailLines of ordinary lines, not a page size.
const tailLines = 1000;
const limitBytes = 2 * 1024 * 1024;
const maxContainers = 50;
const parallelReads = 4;

const labelValue = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

type LogSource = { pod: string; container: string; resource: string };

async function namespaceBelongsTo(core: CoreV1Api, namespace: string, tenant: string): Promise<boolean> {
  try {
    return readOwner(await core.readNamespace({ name: namespace })) === tenant;
  } catch (error) {
    if (readHttpStatus(error) === 404) return false;
    throw error;
  }
}

function listSources(pods: V1Pod[], tenant: string): LogSource[] {
  return pods
    .filter((pod) => readOwner(pod) === tenant)
    .flatMap((pod) => {
      const name = pod.metadata?.name ?? "";
      const resource = pod.metadata?.labels?.[appNameLabelKey] ?? name;
      return (pod.spec?.containers ?? []).map((container) => ({ pod: name, container: container.name, resource }));
    });
}

async function mapConcurrently<T, R>(items: T[], limit: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await read(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// A container that is still being created, or a pod already gone, has no log to give: skip it.
// Refusals (401, 403) and throttling (429) would hide every pod the same way, so they surface.
function isUnreadableLog(error: unknown): boolean {
  const status = readHttpStatus(error);
  return status !== null && ![401, 403, 429].includes(status);
}

async function readSourceLines(
  core: CoreV1Api,
  namespace: string,
  source: LogSource,
  sinceSeconds: number,
): Promise<PodLogLine[]> {
  let text: string;
  try {
    text = await core.readNamespacedPodLog({
      namespace,
      name: source.pod,
      container: source.container,
      timestamps: true,
      sinceSeconds,
      tailLines,
      limitBytes,
    });
  } catch (error) {
    if (isUnreadableLog(error)) return [];
    throw error;
  }
  const lines = text.split("\n");
  // A read stopped by limitBytes ends inside a line; that fragment is not the line it logged.
  if (Buffer.byteLength(text) >= limitBytes) lines.pop();
  const id = `${source.pod}/${source.container}`;
  return lines.flatMap((line, seq) => parsePodLogLine(line, source.resource, id, seq) ?? []);
}

/**
 * A page of the logs of the tenant's pods, newest first. Reads nothing but the namespace
 * `tenant-<tenant>`, and that only when the namespace carries the tenant's label.
 */
export async function readTenantPodLogs(
  core: CoreV1Api,
  tenant: string,
  query: CloudLogQuery,
): Promise<{ lines: CloudLogLine[]; nextCursor: string | null }> {
  const none = { lines: [], nextCursor: null };
  if (!labelValue.test(tenant) || (query.resource !== undefined && !labelValue.test(query.resource))) return none;
  if (query.from.getTime() > query.to.getTime()) return none;
  const namespace = `tenant-${tenant}`;
  if (!(await namespaceBelongsTo(core, namespace, tenant))) return none;

  const labelSelector = [
    `${tenantLabelKey}=${tenant}`,
    ...(query.resource ? [`${appNameLabelKey}=${query.resource}`] : []),
  ].join(",");
  const sources = listSources((await core.listNamespacedPod({ namespace, labelSelector })).items, tenant).slice(
    0,
    maxContainers,
  );
  const sinceSeconds = Math.max(1, Math.ceil((Date.now() - query.from.getTime()) / 1000) + 1);
  const read = await mapConcurrently(sources, parallelReads, (source) =>
    readSourceLines(core, namespace, source, sinceSeconds),
  );
  return pageNewestFirst(
    read.flat().filter((line) => matchesLogQuery(line, query)),
    query.limit,
    query.cursor,
  );
}
