// Loaded with NODE_OPTIONS=--import (which refuses --cpu-prof): profiles this process from start
// and writes <pid>.cpuprofile into ENCLAVE_CPU_PROFILE_DIR when it exits.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.ENCLAVE_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  process.on("exit", () => {
    // The in-thread inspector answers synchronously, so the profile is written before the exit.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
