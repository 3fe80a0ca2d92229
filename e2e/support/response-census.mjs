// Loaded with --import into a portal started with --expose-gc (e2e/answered-requests.spec.ts): counts
// the responses the server made and has not let go of, and answers that count over IPC after
// collecting garbage, so a test can see a leak of answered requests in the built bundle.
import { subscribe } from "node:diagnostics_channel";
import { setTimeout as afterMs } from "node:timers/promises";

let made = 0;
let collected = 0;
const registry = new FinalizationRegistry(() => collected++);
const servers = new Set();
subscribe("http.server.request.start", ({ response, server }) => {
  made++;
  registry.register(response, undefined);
  servers.add(server);
});

// An open keep-alive connection may hold its last response until it closes: that is no leak.
const openConnections = () =>
  Promise.all(
    [...servers].map((server) => new Promise((resolve) => server.getConnections((_, count) => resolve(count ?? 0)))),
  ).then((counts) => counts.reduce((sum, count) => sum + count, 0));

async function census() {
  // A finalizer runs on a later turn than the collection that found its object dead.
  for (let round = 0; round < 5; round++) {
    globalThis.gc();
    await afterMs(20);
  }
  return { made, held: made - collected, openConnections: await openConnections() };
}

process.on("message", (message) => {
  if (message === "census") census().then((answer) => process.send(answer));
});
