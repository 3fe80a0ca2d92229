// npx tsx bench/profile-summary.ts <file.cpuprofile> [top] — where a CPU profile's time went:
// self time by function and by package, and total (inclusive) time of the app's own modules
import { readFileSync } from "node:fs";
import { printResults } from "./report";

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The package (or app folder) a frame's script belongs to. */
function owner(url: string): string {
  if (!url) return "(native / GC / idle)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const app = /\/(app|lib|db|components)\/[^?]*/.exec(url);
  if (app) return app[0].slice(1);
  return url.startsWith("node:") ? url : (url.split("/").pop() ?? url);
}
const label = (f: Frame) => `${f.functionName || "(anonymous)"} ${owner(f.url)}:${f.lineNumber + 1}`;

const self = new Map<string, number>();
const selfByOwner = new Map<string, number>();
const inclusive = new Map<string, number>();
const inclusiveFn = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") return;
  total += ms;
  self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + ms);
  selfByOwner.set(owner(node.callFrame.url), (selfByOwner.get(owner(node.callFrame.url)) ?? 0) + ms);
  // Inclusive time of each app module on the stack, counted once per sample.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const o = owner(byId.get(at)!.callFrame.url);
    if (/^(app|lib|db|components)\//.test(o) && !seen.has(o)) seen.add(o);
  }
  for (const o of seen) inclusive.set(o, (inclusive.get(o) ?? 0) + ms);
  const fns = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) fns.add(label(byId.get(at)!.callFrame));
  for (const f of fns) inclusiveFn.set(f, (inclusiveFn.get(f) ?? 0) + ms);
});

const rows = (m: Map<string, number>, key: string) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ [key]: name, ms: Math.round(ms), "% of busy": Number(((100 * ms) / total).toFixed(1)) }));
console.log(`${file}: ${Math.round(total)} ms busy`);
printResults("self time by package", rows(selfByOwner, "package"));
printResults("self time by function", rows(self, "function"));
printResults("inclusive time of the app's modules", rows(inclusive, "module"));
printResults("inclusive time by function", rows(inclusiveFn, "function"));
