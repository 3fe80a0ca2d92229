import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// Browsers cannot be downloaded here: the end-to-end suite uses Debian's chromium package.
export function ensureChromium() {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(executable)) return true;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    console.error(
      `Chromium was not found at ${executable}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    return false;
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) return false;
  }
  return existsSync(executable);
}
