import { describe, expect, it } from "vitest";
import { groupWrites } from "@/db/group-writes";

/** A write that holds each call until the test lets it finish, and tells when one has started. */
function heldWrite<T, R>(finish: (items: T[]) => R[]) {
  const started: T[][] = [];
  const releases: (() => void)[] = [];
  let onStart: (() => void) | undefined;
  const write = groupWrites(async (items: T[]) => {
    started.push(items);
    onStart?.();
    await new Promise<void>((resolve) => releases.push(resolve));
    return finish(items);
  });
  return {
    write,
    started,
    /** Resolves once `count` writes have started. */
    startedCount: (count: number) =>
      new Promise<void>((resolve) => (onStart = () => started.length >= count && resolve())),
    releaseNext: () => releases.shift()!(),
  };
}

describe("grouped writes", () => {
  it("writes the calls of one turn together, and the calls made meanwhile together in the next write", async () => {
    const held = heldWrite((items: number[]) => items.map((n) => n * 10));
    const firstStarted = held.startedCount(1);
    const first = Promise.all([1, 2].map(held.write));
    await firstStarted;
    const meanwhile = Promise.all([3, 4, 5].map(held.write));
    const secondStarted = held.startedCount(2);
    held.releaseNext();
    await secondStarted;
    held.releaseNext();
    expect([...(await first), ...(await meanwhile)]).toEqual([10, 20, 30, 40, 50]);
    expect(held.started).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    const thirdStarted = held.startedCount(3);
    const last = held.write(6);
    await thirdStarted;
    held.releaseNext();
    expect(await last).toBe(60);
  });

  it("answers a call only once the write holding it has finished, and fails every call of a failed write", async () => {
    let fail = true;
    const held = heldWrite((items: string[]) => {
      if (fail) throw new Error(`refused ${items.join(",")}`);
      return items;
    });
    const firstStarted = held.startedCount(1);
    const first = held.write("a");
    await firstStarted;
    const [second, third] = [held.write("b"), held.write("c")];
    const secondStarted = held.startedCount(2);
    held.releaseNext();
    await expect(first).rejects.toThrow("refused a");
    await secondStarted;
    fail = false;
    held.releaseNext();
    expect(await Promise.all([second, third])).toEqual(["b", "c"]);
  });
});
