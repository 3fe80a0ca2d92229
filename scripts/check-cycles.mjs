#!/usr/bin/env node
// Fails on an import cycle between two files, or between two folders (lib/auth ↔ lib/tenants),
// and on anything under lib/ or components/ importing from app/: the layers only point one way.
import path from "node:path";
import madge from "madge";

const root = path.resolve(import.meta.dirname, "..");
const graph = (
  await madge(["app", "lib", "components", "db", "scripts", "bench", "proxy.ts", "instrumentation.ts"], {
    baseDir: root,
    fileExtensions: ["ts", "tsx", "mjs"],
    tsConfig: path.join(root, "tsconfig.json"),
    excludeRegExp: [/node_modules/, /\.next/],
  })
).obj();

/** A file's folder is its directory: lib/auth/policy.ts → lib/auth, db/schema/users.ts → db/schema. */
const folderOf = (file) => path.posix.dirname(file);

/** Strongly connected components of more than one node (Tarjan): every cycle lives in one. */
function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const fileEdges = new Map(Object.entries(graph).map(([file, deps]) => [file, new Set(deps)]));
const folderEdges = new Map();
const witnesses = new Map();
for (const [file, deps] of fileEdges)
  for (const dep of deps) {
    const [from, to] = [folderOf(file), folderOf(dep)];
    if (from === to) continue;
    if (!folderEdges.has(from)) folderEdges.set(from, new Set());
    folderEdges.get(from).add(to);
    if (!witnesses.has(`${from}>${to}`)) witnesses.set(`${from}>${to}`, `${file} → ${dep}`);
  }

const problems = [];
for (const component of cycles(fileEdges)) problems.push(`file cycle: ${component.join(" ↔ ")}`);
for (const component of cycles(folderEdges)) {
  const inside = new Set(component);
  const edges = [...witnesses].filter(([key]) => key.split(">").every((f) => inside.has(f)));
  problems.push(`folder cycle: ${component.join(" ↔ ")}\n${edges.map(([, w]) => `    ${w}`).join("\n")}`);
}
for (const [file, deps] of fileEdges)
  for (const dep of deps)
    if (/^(lib|components)\//.test(file) && dep.startsWith("app/")) problems.push(`${file} imports ${dep} from app/`);

if (problems.length === 0) console.log(`No import cycles among ${fileEdges.size} files.`);
else console.error(`${problems.length} import problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
process.exit(problems.length === 0 ? 0 : 1);
