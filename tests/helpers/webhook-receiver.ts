import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * An HTTP receiver on 127.0.0.1 that records each request and answers with the next status from
 * `statuses` (then `fallback`) and `headers`; `delayMs` holds every answer back, to test timeouts.
 */
export async function startWebhookReceiver(
  options: { statuses?: number[]; fallback?: number; delayMs?: number; headers?: Record<string, string> } = {},
) {
  const requests: ReceivedRequest[] = [];
  const statuses = [...(options.statuses ?? [])];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: text ? JSON.parse(text) : {},
      });
      const status = statuses.shift() ?? options.fallback ?? 200;
      setTimeout(
        () =>
          response
            .writeHead(status, { "content-type": "text/plain", ...options.headers })
            .end(status < 300 ? "ok" : "nope"),
        options.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    url: (path = "/") => `http://127.0.0.1:${port}${path}`,
    to: (path: string) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A connection may still be open (a held-back answer, a kept-alive client); close() alone would wait for it.
        server.closeAllConnections();
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
