import type { Db } from "@/db/client";
import { textCell } from "@/lib/csv/csv-cell";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { listAuditEvents, type AuditQuery } from "./queries";

const header = "at,actor,token,what,action,tenant,target,ip,details";
const batch = 1_000;

type EventRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

const line = (e: EventRow) =>
  [
    e.at.toISOString(),
    e.actor ?? "system",
    e.token ?? "",
    describeAuditEvent(e),
    e.action,
    e.tenant ?? "",
    e.target ?? "",
    e.ip ?? "",
    JSON.stringify(e.details ?? {}),
  ]
    .map(textCell)
    .join(",");

/** Every audit event matching the filters, in the list's order, as CSV streamed a batch at a time. */
export function auditCsvStream(db: Db, filters: Omit<AuditQuery, "page">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let page = 1;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`${header}\n`));
    },
    async pull(controller) {
      const { rows } = await listAuditEvents(db, { ...filters, page }, batch);
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(line).join("\n") + "\n"));
      if (rows.length < batch) controller.close();
      page += 1;
    },
  });
}
