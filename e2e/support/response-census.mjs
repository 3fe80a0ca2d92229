// Loaded with --import into a portal started with --expose-gc (e2e/answered-requests.spec.ts): counts
// the responses the server made and has not let go of, and answers that count over IPC after
// collecting garbage, so a test can see a leak of answered requests in the built bundle.
import { subscribe } from "node:diagnostics_channel";
import { setTimeout as afterMs } from "node:timers/promises";

let made = 0;
let collected = 0;
let answering = 0;
const registry = new FinalizationRegistry(() => collected++);
const servers = new Set();
subscribe("http.server.request.start", ({ response, server }) => {
  made++;
  answering++;
  registry.register(response, undefined);
  servers.add(server);
});
subscribe("http.server.response.finish", () => answering--);

// Asked to, keeps for good a few Immediates made while requests are being answered: one lasting
// reference to a request's async context, as next-auth's preact makes by chance (a promise made as
// its module is evaluated, during whichever request loads it first) and a pool connection once did.
const anchor = { wanted: 0, kept: [] };
const immediate = globalThis.setImmediate;
const keeping = function (...args) {
  const scheduled = immediate.apply(this, args);
  if (anchor.wanted > 0 && answering > 0) {
    anchor.wanted--;
    anchor.kept.push(scheduled);
  }
  return scheduled;
};
Object.defineProperties(keeping, Object.getOwnPropertyDescriptors(immediate));
globalThis.setImmediate = keeping;

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
  if (message === "anchor") {
    anchor.wanted = 20;
    process.send({ keeping: anchor.wanted });
  }
});
