// npx tsx bench/provision-profile.ts — where bench:provision's time goes: statements per tenant by shape, and time inside the database client
// BENCH_CPU_PROFILE=dir also writes a CPU profile of each measured run (not of the set-up) there, for Chrome DevTools.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { infrastructures, tenants, users } from "../db/schema";
import { loadActor } from "../lib/context/actor";
import { createLocalDriver } from "../lib/cloud/local";
import { runOperation } from "../lib/provisioning/engine";
import { criticalPathLength, provisionPlan } from "../lib/provisioning/plan";
import { createTenant } from "../lib/tenants/create-tenant";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const criticalPathMs = criticalPathLength(provisionPlan({ name: "x", quota: { pods: 10 } })) * latencyMs;
const counts = (process.env.BENCH_TENANTS ?? "1,50").split(",").map(Number);
const profileDir = process.env.BENCH_CPU_PROFILE;
const inspector = new Session();
inspector.connect();

// Statements by their first words and table, and the time inside the client for each: PGlite's protocol
// calls (on this thread), or pg's query from send to result (the server and the round trip, not the pool's queue).
const seen = { on: false, statements: new Map<string, { count: number; ms: number }>(), clientMs: 0 };
const shape = (text: string) => {
  const flat = text.replace(/\s+/g, " ").replace(/"/g, "").toLowerCase();
  const update = flat.match(/^update (\w+) set (\w+)[^,]*, (\w+)/);
  if (update) return `update ${update[1]} set ${update[2]}, ${update[3]}…`;
  return (
    flat
      .match(/^(\w+)(?: .*?\b(?:into|from)\b (\w+))?/)
      ?.slice(1)
      .filter(Boolean)
      .join(" ") ?? flat.slice(0, 30)
  );
};
const tally = (of: string) => seen.statements.get(of) ?? seen.statements.set(of, { count: 0, ms: 0 }).get(of)!;
const note = (text: string) => {
  if (seen.on) tally(shape(text)).count++;
  return shape(text);
};
const spent = (of: string, ms: number) => {
  if (!seen.on) return;
  seen.clientMs += ms;
  tally(of).ms += ms;
};

// PGlite runs one statement at a time: its protocol messages, from a parse ('P') or a simple query ('Q') on, are that statement's.
let current = "";
const protocol = PGlite.prototype.execProtocolStream;
PGlite.prototype.execProtocolStream = async function (this: PGlite, message: Uint8Array, options?: object) {
  const started = performance.now();
  if (message[0] === 0x50)
    current = note(
      new TextDecoder().decode(
        message.subarray(message.indexOf(0, 5) + 1, message.indexOf(0, message.indexOf(0, 5) + 1)),
      ),
    );
  if (message[0] === 0x51) current = note(new TextDecoder().decode(message.subarray(5, message.length - 1)));
  try {
    return await protocol.call(this, message, options as never);
  } finally {
    spent(current, performance.now() - started);
  }
} as typeof protocol;

const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text;
  const of = text ? note(text) : "(unknown)";
  const started = performance.now();
  // pg-pool passes a callback; drizzle's transactions await the promise.
  const callback = args.findIndex((a) => typeof a === "function");
  if (callback >= 0) {
    const done = args[callback] as (...a: unknown[]) => void;
    args[callback] = (...a: unknown[]) => {
      spent(of, performance.now() - started);
      done(...a);
    };
  }
  const result = (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) result.finally(() => spent(of, performance.now() - started)).catch(() => {});
  return result;
} as typeof clientQuery;

async function profile(target: DatabaseTarget, label: string) {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const { db } = database;
  const run = `p${Date.now().toString(36)}`;
  const [infra] = await db
    .insert(infrastructures)
    .values({ name: `profile-${run}`, config: { latencyMs } })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email: `profile-${run}@bench.local`, name: "Profile", role: "admin" })
    .returning();
  const actor = await loadActor(db, user!);
  const options = {
    workerId: "profile",
    seal: (s: string) => s,
    driverFor: async () => createLocalDriver(db, infra!.id, { latencyMs }),
  };
  // The first run warms up (JIT, the driver's first key pair) and is not shown.
  for (const [index, count] of [1, ...counts].entries()) {
    const ops = [];
    for (let i = 0; i < count; i++) {
      ops.push(
        (
          await createTenant(
            { db, actor, ip: null },
            {
              name: `${run}-${index}-${i}`,
              infrastructureId: infra!.id,
              quota: { pods: 10 },
              deletionProtection: false,
            },
          )
        ).operationId,
      );
    }
    const profiling = profileDir && index > 0;
    if (profiling) await inspector.post("Profiler.enable").then(() => inspector.post("Profiler.start"));
    Object.assign(seen, { on: true, statements: new Map(), clientMs: 0 });
    const started = performance.now();
    await Promise.all(ops.map((id) => runOperation(db, id, options)));
    const wallMs = performance.now() - started;
    seen.on = false;
    if (profiling)
      writeFileSync(
        path.join(profileDir, `provision-${label}-${count}.cpuprofile`),
        JSON.stringify((await inspector.post("Profiler.stop")).profile),
      );
    if (index === 0) continue;
    const total = [...seen.statements.values()].reduce((a, b) => a + b.count, 0);
    console.log(
      `\n${label}, ${count} tenant(s): wall ${Math.round(wallMs)} ms (${(wallMs / criticalPathMs).toFixed(2)}× the critical path), ${total} statements (${(total / count).toFixed(1)} a tenant), ${Math.round(seen.clientMs)} ms inside the client`,
    );
    console.log("  a tenant  ms each  statement");
    for (const [text, { count: n, ms }] of [...seen.statements].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${(n / count).toFixed(1).padStart(8)}  ${(ms / n).toFixed(2).padStart(7)}  ${text}`);
    }
  }
  await db.delete(tenants).where(eq(tenants.infrastructureId, infra!.id));
  await db.delete(infrastructures).where(eq(infrastructures.id, infra!.id));
  await db.delete(users).where(eq(users.id, user!.id));
  await database.close();
}

await profile({ memory: true }, "pglite");
if (process.env.DATABASE_URL) await profile({ url: process.env.DATABASE_URL }, "postgres");
inspector.disconnect();
