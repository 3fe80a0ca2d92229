import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { allowPrivateOutbound, assertWebUrl } from "./address-guard";
import { bareHost, guardedLookup, resolvePublicAddresses, type ResolveHost } from "./resolve-host";

export interface PostJsonOptions {
  /** The whole request, connecting included. */
  timeoutMs: number;
  headers?: Record<string, string>;
  resolve?: ResolveHost;
  /** Defaults to ENCLAVE_OUTBOUND_ALLOW_PRIVATE, read now. */
  allowPrivate?: boolean;
}

/**
 * POSTs `body` as JSON to a URL someone gave the portal, and resolves with the answer's status.
 * Only public addresses are connected to, checked on the address actually connected to; a
 * redirect is answered as its status rather than followed to wherever it points.
 */
export async function postJsonOutbound(target: string, body: unknown, options: PostJsonOptions): Promise<number> {
  const url = new URL(target);
  assertWebUrl(url);
  const guard = { resolve: options.resolve, allowPrivate: options.allowPrivate ?? allowPrivateOutbound() };
  // Node connects to a literal IP without calling lookup, so a literal is checked here.
  if (isIP(bareHost(url.hostname))) await resolvePublicAddresses(url.hostname, guard);
  const payload = JSON.stringify(body);
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...options.headers,
        },
        lookup: guardedLookup(guard),
        // A fresh connection each time: a pooled socket would be reused without being checked again.
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}
