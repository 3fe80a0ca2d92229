// GET /api/t/[tenant]/logs/stream — new lines of this tenant as server-sent events, for the live tail
import { getDb } from "@/db";
import { routeHandler } from "@/lib/api/route-handler";
import { log } from "@/lib/observability/logger";
import { describeQueryError, logQuery, queryObject } from "@/lib/telemetry/log-filters";
import type { LogFilters, LogLineView } from "@/lib/cloud/contract";
import { tenantLogTail } from "@/lib/telemetry/tenant-log-tail";

const heartbeatMs = 15_000;
const maxStreamMs = 10 * 60_000;
const noStore = { "cache-control": "no-store" };

export const GET = routeHandler("/api/t/[tenant]/logs/stream", async (request, { tenant }) => {
  const parsed = logQuery.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: describeQueryError(parsed.error) }, { status: 400, headers: noStore });
  const db = await getDb();
  const filters: LogFilters = { text: parsed.data.q, level: parsed.data.level, resource: parsed.data.resource };
  // EventSource resumes from the last event id it saw; otherwise from the newest line shown, or from now.
  const resumeFrom = Number(request.headers.get("last-event-id"));
  const { after, poll, everyMs } = await tenantLogTail(
    db,
    tenant,
    filters,
    Number.isSafeInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : parsed.data.after,
  );
  // Without EventSource (a plain fetch) there is no stream to hold open: answer once, as polling would.
  if (!request.headers.get("accept")?.includes("text/event-stream")) {
    const lines = await poll(after);
    return Response.json({ lines, after: lines.at(-1)?.id ?? after }, { headers: noStore });
  }
  return new Response(streamLines(request.signal, poll, after, everyMs), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});

function streamLines(
  requestSignal: AbortSignal,
  poll: (afterId: number) => Promise<LogLineView[]>,
  after: number,
  everyMs: number,
) {
  const encoder = new TextEncoder();
  const cancelled = new AbortController();
  const signal = AbortSignal.any([requestSignal, cancelled.signal]);
  return new ReadableStream<Uint8Array>({
    cancel: () => cancelled.abort(),
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const started = Date.now();
      let lastId = after;
      let lastBeat = started;
      send(`retry: 3000\n: tailing from line ${lastId}\n\n`);
      try {
        while (!signal.aborted && Date.now() - started < maxStreamMs) {
          const lines = await poll(lastId);
          for (const line of lines) send(`id: ${line.id}\ndata: ${JSON.stringify(line)}\n\n`);
          lastId = lines.at(-1)?.id ?? lastId;
          if (Date.now() - lastBeat >= heartbeatMs) {
            send(`: heartbeat\n\n`);
            lastBeat = Date.now();
          }
          if (lines.length < 500) await sleep(everyMs, signal);
        }
      } catch (error) {
        if (!signal.aborted) log.error("log stream stopped", { error });
      } finally {
        try {
          controller.close();
        } catch {}
      }
    },
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
