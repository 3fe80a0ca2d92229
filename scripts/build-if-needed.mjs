import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceFingerprint } from "./source-fingerprint.mjs";

export const standaloneServer = (root) => path.join(root, ".next", "standalone", "server.js");

/** Runs `next build` unless the last build was made from these very sources. Returns false on failure. */
export function buildIfNeeded(root, env = process.env) {
  const stamp = path.join(root, ".next", "enclave-source-fingerprint");
  const fingerprint = sourceFingerprint(root);
  const fresh = existsSync(standaloneServer(root)) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (fresh) return true;
  console.log("Building Enclave (first start, or the sources changed)…");
  const next = path.join(root, "node_modules", ".bin", "next");
  const build = spawnSync(next, ["build"], {
    cwd: root,
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  if (build.status !== 0) return false;
  copyStandaloneAssets(root);
  writeFileSync(stamp, fingerprint);
  return true;
}

/** server.js serves `public` and `.next/static` only from beside itself; `next build` leaves copying them to us. */
export function copyStandaloneAssets(root) {
  const standalone = path.dirname(standaloneServer(root));
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
}
