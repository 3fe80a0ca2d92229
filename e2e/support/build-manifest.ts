import { readFileSync } from "node:fs";
import path from "node:path";

const nextDir = path.resolve(import.meta.dirname, "..", "..", ".next");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(nextDir, file), "utf8")) as T;

/** Every page and route handler the build serves, by its path in app/ (groups removed). */
export function builtRoutes(): string[] {
  const manifest = readJson<Record<string, string>>("app-path-routes-manifest.json");
  return [...new Set(Object.values(manifest))]
    .filter((route) => !["/_not-found", "/_global-error"].includes(route))
    .sort();
}

export type BuiltAction = { id: string; name: string; filename: string; page: string };

/** Every server action in the build, with a page that bundles it (where it can be posted). */
export function builtActions(): BuiltAction[] {
  const manifest = readJson<{
    node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>;
  }>("server/server-reference-manifest.json");
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/";
    return { id, name: entry.exportedName, filename: entry.filename, page };
  });
}
