// Admission control for the portal's HTTP server, installed before Next's standalone server starts
// (scripts/admission.mjs, loaded with `node --import` in the image and by scripts/start.mjs). At most
// ENCLAVE_MAX_CONCURRENT_REQUESTS requests run at once; the rest wait in arrival order. A render's
// memory is live until it is sent, so what is live follows the renders in flight, not the CPU they
// share: without a cap, enough connections exhaust any heap bound (docs/benchmarks.md).
import { AsyncResource } from "node:async_hooks";
import http from "node:http";

const busyBody = "The portal is busy. Try again in a moment.\n";

/** Probes, static files and event streams pass at once: a probe queued behind renders would restart a busy pod. */
function passesAdmission(request) {
  const url = request.url ?? "";
  return (
    url.startsWith("/_next/static/") ||
    url.startsWith("/api/health") ||
    (request.headers.accept ?? "").includes("text/event-stream")
  );
}

/** The listener, running at most `limit` requests at once and queueing up to `maxQueued` more (503 beyond). */
export function withAdmissionControl(listener, { limit, maxQueued, onShed = () => {} }) {
  let running = 0;
  const queue = [];

  function run(server, request, response) {
    running++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      running--;
      // A client that gave up while queued is skipped: rendering for a closed socket is wasted work.
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (next.request.socket.destroyed) continue;
        next.start();
        break;
      }
    };
    response.once("finish", release);
    response.once("close", release);
    try {
      listener.call(server, request, response);
    } catch (error) {
      release();
      throw error;
    }
  }

  return function admit(request, response) {
    if (passesAdmission(request) || running < limit) return run(this, request, response);
    if (queue.length >= maxQueued) {
      onShed();
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
      return response.end(busyBody);
    }
    // Bound here, the request starts in its own async context. Started from the `finish` of the
    // request before it, Next would capture that request's context in its own, each one the one
    // before: a chain that kept every request on a busy connection alive.
    queue.push({ request, start: AsyncResource.bind(() => run(this, request, response)) });
  };
}

function logLine(level, message, fields) {
  const line = { time: new Date().toISOString(), level, component: "admission", message, ...fields };
  (level === "info" ? process.stdout : process.stderr).write(`${JSON.stringify(line)}\n`);
}

/** A setting's whole number above 0, or its fallback when unset; anything else is refused by name. */
export function positiveInteger(env, name, fallback) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (/^[1-9]\d*$/.test(raw)) return Number(raw);
  throw new Error(`${name} must be a whole number above 0, not "${raw}".`);
}

/** Wraps the request listener of the next HTTP server this process creates: Next's, the only one. */
export function installAdmissionControl(env = process.env) {
  const limit = positiveInteger(env, "ENCLAVE_MAX_CONCURRENT_REQUESTS", 16);
  const maxQueued = positiveInteger(env, "ENCLAVE_MAX_QUEUED_REQUESTS", 1024);
  // One warning a minute at most while requests are refused, with how many were.
  let refused = 0;
  const onShed = () => {
    if (refused++ > 0) return;
    setTimeout(() => {
      logLine("warn", "requests refused: the queue was full", { refused, maxQueued });
      refused = 0;
    }, 60_000).unref();
  };
  const createServer = http.createServer;
  http.createServer = function (...args) {
    http.createServer = createServer;
    const at = args.findIndex((arg) => typeof arg === "function");
    if (at >= 0) args[at] = withAdmissionControl(args[at], { limit, maxQueued, onShed });
    logLine("info", "admission control on", { concurrentRequests: limit, queuedRequests: maxQueued });
    return createServer.apply(this, args);
  };
}
