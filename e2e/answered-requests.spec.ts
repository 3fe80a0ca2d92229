import { request as httpRequest } from "node:http";
import path from "node:path";
import { expect, test } from "./support/test";
import { startSecondPortal, type SecondPortal } from "./support/second-portal";

// The built portal lets go of the requests it has answered. A pool connection once kept the request
// that opened it, and through it later ones, in the minified bundle only: the source, as the unit
// tests run it, was right (docs/benchmarks.md, "The leak of answered requests, found and fixed").
// So this runs the production bundle, on the suite's database, under a census of its responses.
const census = path.resolve(import.meta.dirname, "support", "response-census.mjs");
let portal: SecondPortal | undefined;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  portal = await startSecondPortal({
    name: "census",
    nodeArgs: ["--expose-gc", "--import", census],
    ipc: true,
    env: { DATABASE_URL: process.env.DATABASE_URL ?? "", ENCLAVE_TELEMETRY: "false" },
  });
});

test.afterAll(async () => {
  await portal?.stop();
});

type Census = { made: number; held: number; openConnections: number };
function takeCensus(): Promise<Census> {
  return new Promise((resolve) => {
    portal!.child.once("message", (answer) => resolve(answer as Census));
    portal!.child.send("census");
  });
}

// Each on its own connection, closed after the answer.
function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent: false, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

test("the built portal holds none of the requests it has answered", async () => {
  // Readiness, a page and an API token lookup all read the database.
  const asks: [string, Record<string, string>?][] = [
    ["/api/health/ready"],
    ["/login"],
    ["/api/v1/tenants", { authorization: "Bearer enc_not_a_real_token" }],
  ];
  const ask = ([path, headers]: (typeof asks)[number]) => get(`${portal!.url}${path}`, headers);
  // The first request of a kind may be held for good by what it loads: next-auth's preact keeps a
  // promise made as its module is evaluated, and with it the async context of the request that did.
  for (const each of asks) await ask(each);
  const warm = await takeCensus();
  // More at once than the pool has connections, so that requests open connections of their own.
  const atOnce = Array.from({ length: 8 }, () => asks).flat();
  const statuses = [];
  for (let round = 0; round < 4; round++) statuses.push(...(await Promise.all(atOnce.map(ask))));
  expect(new Set(statuses)).toEqual(new Set([200, 401]));
  // Counted once every connection has closed, and before the pool closes its idle connections
  // (10 s), which would let go of what they held.
  let census = await takeCensus();
  while (census.openConnections > 0) census = await takeCensus();
  expect(census.made).toBe(warm.made + statuses.length);
  expect(census.held, "responses still held once every connection had closed").toBe(warm.held);
});
