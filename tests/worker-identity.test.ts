import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { isProvablyDead, newWorkerId } from "@/lib/provisioning/worker-identity";
import { deadPid } from "./helpers/worker-processes";

describe("worker identity", () => {
  it("names the host and pid, and counts this process's own ids as alive", () => {
    const id = newWorkerId();
    expect(id).toMatch(new RegExp(`^${hostname()}:${process.pid}:[0-9a-f]{6}$`));
    expect(isProvablyDead(id)).toBe(false);
  });

  it("proves dead a worker on this host whose process has exited", () => {
    expect(isProvablyDead(`${hostname()}:${deadPid()}:abcdef`)).toBe(true);
  });

  it("proves dead a predecessor that had this process's pid under another id", () => {
    expect(isProvablyDead(`${hostname()}:${process.pid}:000000`)).toBe(true);
  });

  it.each([
    ["a live process on this host", () => `${hostname()}:${process.ppid}:abcdef`],
    ["a worker on another host", () => `not-${hostname()}:${deadPid()}:abcdef`],
    ["a name not made by newWorkerId", () => "worker-a"],
    ["a malformed pid", () => `${hostname()}:12x:abcdef`],
  ])("never proves dead %s", (_what, owner) => {
    expect(isProvablyDead(owner())).toBe(false);
  });
});
