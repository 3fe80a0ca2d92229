#!/usr/bin/env node
// node deploy/bundle-scripts.mjs [outDir] — the worker, the migrator and the server's admission
// control as plain JavaScript for the standalone image, which has neither tsx nor the full
// node_modules (see docs/operations.md).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

// Left to the standalone node_modules that `next build` traced: native code, and wasm and data
// files PGlite loads beside its own module.
const external = ["@electric-sql/pglite", "@node-rs/argon2", "pg-native"];

// The real package throws outside a React Server Components bundle; these scripts are plain Node.
const serverOnlyStub = {
  name: "server-only-stub",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "stub" }));
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function bundleScripts(outDir = path.join(root, ".next", "standalone", "scripts")) {
  await build({
    entryPoints: { worker: "scripts/worker.ts", migrate: "scripts/db-migrate.ts", admission: "scripts/admission.mjs" },
    absWorkingDir: root,
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external,
    plugins: [serverOnlyStub],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outDir = await bundleScripts(process.argv[2] && path.resolve(process.argv[2]));
  console.log(`Bundled worker.mjs, migrate.mjs and admission.mjs into ${path.relative(root, outDir)}`);
}
