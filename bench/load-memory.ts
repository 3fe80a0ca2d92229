import { readdirSync, readFileSync } from "node:fs";

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The process and all its descendants, from the parent ids in /proc (Linux only). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // The command name in parentheses may hold spaces; the parent id is the second field after it.
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory of the process tree, in bytes. */
export function treeRssBytes(root: number): number {
  return processTree(root).reduce((sum, pid) => {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readOrEmpty(`/proc/${pid}/status`))?.[1];
    return sum + Number(kb ?? 0) * 1024;
  }, 0);
}

/** Samples the tree's RSS until stopped; stop() returns the peak in bytes. */
export function sampleRss(root: number, everyMs = 250): { stop: () => number } {
  let peak = treeRssBytes(root);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssBytes(root))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssBytes(root));
    },
  };
}
