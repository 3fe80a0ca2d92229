import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourceDirs = ["app", "components", "lib", "db", "public"];
const sourceFiles = [
  "package-lock.json",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "proxy.ts",
  "instrumentation.ts",
];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** A hash of every source path with its size and mtime: cheap, and changes whenever a build would. */
export function sourceFingerprint(root) {
  const hash = createHash("sha256");
  const files = [
    ...sourceFiles.map((f) => path.join(root, f)),
    ...sourceDirs.flatMap((d) => [...walk(path.join(root, d))]),
  ];
  for (const file of files.sort()) {
    try {
      const s = statSync(file);
      hash.update(`${path.relative(root, file)}:${s.size}:${s.mtimeMs}\n`);
    } catch {
      hash.update(`${file}:missing\n`);
    }
  }
  return hash.digest("hex");
}
